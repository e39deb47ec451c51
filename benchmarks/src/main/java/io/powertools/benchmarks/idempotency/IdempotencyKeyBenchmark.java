package io.powertools.benchmarks.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.burt.jmespath.Expression;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.powertools.core.json.Json;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.internal.KeyFactory;
import io.powertools.idempotency.persistence.InMemoryPersistenceStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 5: the per-call key work of an idempotent handler (event to tree, JMESPath, canonical JSON,
 * SHA-256, key string) against a straightforward baseline (valueToTree, JMESPath, writeValueAsString,
 * SHA-256, hex) as Powertools Java does it, minus canonicalisation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IdempotencyKeyBenchmark {

    private static final String KEY_PATH = "[orderId, customer]";
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, Object> event = Map.of(
            "orderId", "o-77",
            "customer", Map.of("id", "c-1", "tier", "gold", "email", "someone@example.com"),
            "items", List.of(Map.of("sku", "A-1", "quantity", 1), Map.of("sku", "B-2", "quantity", 3)),
            "amount", 42.5);

    private final KeyFactory keys = new KeyFactory(IdempotencyConfig.builder()
            .persistenceStore(new InMemoryPersistenceStore())
            .eventKeyJmesPath(KEY_PATH)
            .functionName("benchmark")
            .build());

    private final ObjectMapper mapper = new ObjectMapper();
    private final Expression<JsonNode> expression = new JacksonRuntime().compile(KEY_PATH);

    /**
     * This library's key.
     *
     * @return the key
     */
    @Benchmark
    public String ours() {
        return keys.key("handler", Json.toTree(event), null);
    }

    /**
     * The straightforward key.
     *
     * @return the key
     * @throws JsonProcessingException never for this event
     * @throws NoSuchAlgorithmException never
     */
    @Benchmark
    public String baseline() throws JsonProcessingException, NoSuchAlgorithmException {
        JsonNode data = expression.search(mapper.valueToTree(event));
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(mapper.writeValueAsString(data).getBytes(StandardCharsets.UTF_8));
        return "benchmark.handler#" + HEX.formatHex(digest);
    }
}
