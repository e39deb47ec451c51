package io.powertools.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.config.Environment;
import io.powertools.idempotency.persistence.IdempotencyRecord;
import io.powertools.idempotency.persistence.InMemoryPersistenceStore;
import io.powertools.testing.FakeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The @Idempotent aspect, really woven into {@link AnnotatedServices} by ajc. */
class AnnotationTest {

    private final InMemoryPersistenceStore store = new InMemoryPersistenceStore();

    @BeforeEach
    void configure() {
        AnnotatedServices.HANDLER_RUNS.set(0);
        AnnotatedServices.METHOD_RUNS.set(0);
        Idempotency.configure(IdempotencyConfig.builder().persistenceStore(store)
                .executionEnvironment(ExecutionEnvironment.create(Environment.of(Map.of())))
                .eventKeyJmesPath("orderId").build());
    }

    @Test
    void annotatedHandlerRunsOncePerKeyAndUsesTheContextFunctionName() {
        AnnotatedServices.OrderHandler handler = new AnnotatedServices.OrderHandler();
        FakeContext context = FakeContext.builder().functionName("shop").build();
        Receipt first = handler.handleRequest(Map.of("orderId", "a1"), context);
        Receipt second = handler.handleRequest(Map.of("orderId", "a1", "note", "retry"), FakeContext.builder()
                .functionName("shop").build());
        assertThat(second).isEqualTo(first);
        assertThat(AnnotatedServices.HANDLER_RUNS).hasValue(1);
        assertThat(store.records()).extracting(IdempotencyRecord::key)
                .containsExactly("shop.handleRequest#" + DynamoDbIdempotencyTest.sha256Unchecked("a1"));
    }

    @Test
    void annotatedHandlerRethrowsTheSameExceptionAndLeavesNoRecord() {
        AnnotatedServices.OrderHandler handler = new AnnotatedServices.OrderHandler();
        Throwable first = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> handler.handleRequest(Map.of("orderId", "fail"), FakeContext.create()));
        assertThat(first).hasMessage("rejected order");
        assertThat(store.records()).isEmpty();
        assertThatThrownBy(() -> handler.handleRequest(Map.of("orderId", "fail"), FakeContext.create()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AnnotatedServices.HANDLER_RUNS).hasValue(2);
    }

    @Test
    void annotatedMethodUsesTheIdempotencyKeyParameterAndGivenName() {
        AnnotatedServices.Payments payments = new AnnotatedServices.Payments();
        Receipt first = payments.charge("first", Map.of("orderId", "p1"));
        Receipt second = payments.charge("second", Map.of("orderId", "p1"));
        assertThat(second).isEqualTo(first);
        assertThat(first.orderId()).isEqualTo("beta:p1:first");
        assertThat(store.records()).extracting(IdempotencyRecord::key)
                .containsExactly("function.beta#" + DynamoDbIdempotencyTest.sha256Unchecked("p1"));
    }

    @Test
    void genericReturnTypeOfAnAnnotatedMethodIsRestored() {
        Idempotency.configure(IdempotencyConfig.builder().persistenceStore(store)
                .executionEnvironment(ExecutionEnvironment.create(Environment.of(Map.of()))).build());
        AnnotatedServices.Payments payments = new AnnotatedServices.Payments();
        List<Receipt> first = payments.batch("b1");
        List<Receipt> replay = payments.batch("b1");
        assertThat(replay).isEqualTo(first);
        assertThat(replay.get(0)).isInstanceOf(Receipt.class);
        assertThat(AnnotatedServices.METHOD_RUNS).hasValue(1);
    }

    @Test
    void methodWithSeveralParametersAndNoKeyMarkerFailsClearly() {
        AnnotatedServices.Payments payments = new AnnotatedServices.Payments();
        assertThatThrownBy(() -> payments.ambiguous("a", "b"))
                .isInstanceOf(IdempotencyConfigurationException.class)
                .hasMessageContaining("ambiguous").hasMessageContaining("@IdempotencyKey");
        assertThat(AnnotatedServices.METHOD_RUNS).hasValue(0);
    }
}
