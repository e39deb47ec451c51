package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.powertools.testing.SamTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml, checked offline: it would deploy as written. */
class TemplateTest {

    private static SamTemplate template;

    @BeforeAll
    static void load() throws Exception {
        template = SamTemplate.load(Path.of("template.yaml"));
    }

    @Test
    void referencesResolveHandlersExistRuntimesAreCreatable() {
        assertEquals(List.of(), template.unresolvedReferences());
        assertEquals(List.of(), template.unloadableHandlers());
        assertEquals(List.of(), template.uncreatableRuntimes());
    }

    @Test
    void theIdempotencyTableHasTheKeyAndTtlTheStoreUses() {
        Map<String, Object> table = template.properties("IdempotencyTable");
        assertEquals(List.of(Map.of("AttributeName", "id", "KeyType", "HASH")), table.get("KeySchema"));
        assertEquals(Map.of("AttributeName", "expiration", "Enabled", true), table.get("TimeToLiveSpecification"));
    }
}
