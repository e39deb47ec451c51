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
                .containsExactly("shop.io.powertools.idempotency.AnnotatedServices$OrderHandler.handleRequest#"
                        + DynamoDbIdempotencyTest.sha256Unchecked("a1"));
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
    void sameNamedMethodsOfDifferentClassesNeverShareRecords() {
        // Issue 16: the default name was the bare method name, so Refunds.settle replayed Payments.settle.
        Receipt payment = new AnnotatedServices.Payments().settle(Map.of("orderId", "s1"));
        Receipt refund = new AnnotatedServices.Refunds().settle(Map.of("orderId", "s1"));
        assertThat(payment.orderId()).isEqualTo("payments:s1");
        assertThat(refund.orderId()).isEqualTo("refunds:s1");
        assertThat(AnnotatedServices.METHOD_RUNS).hasValue(2);
        assertThat(store.records()).extracting(IdempotencyRecord::key).containsExactlyInAnyOrder(
                "function.io.powertools.idempotency.AnnotatedServices$Payments.settle#"
                        + DynamoDbIdempotencyTest.sha256Unchecked("s1"),
                "function.io.powertools.idempotency.AnnotatedServices$Refunds.settle#"
                        + DynamoDbIdempotencyTest.sha256Unchecked("s1"));
    }

    @Test
    void aMethodsOwnKeyPathValidationAndExpirationOverrideTheConfiguration() {
        AnnotatedServices.Refunds refunds = new AnnotatedServices.Refunds();
        // The registered configuration keys on "orderId"; refund keys on "refundId".
        Receipt first = refunds.refund(Map.of("refundId", "r1", "orderId", "o1", "amount", 10));
        Receipt sameRefundOtherOrder = refunds.refund(Map.of("refundId", "r1", "orderId", "o2", "amount", 10));
        assertThat(sameRefundOtherOrder).isEqualTo(first);
        assertThat(AnnotatedServices.METHOD_RUNS).hasValue(1);
        assertThatThrownBy(() -> refunds.refund(Map.of("refundId", "r1", "amount", 99)))
                .isInstanceOf(IdempotencyValidationException.class);
        IdempotencyRecord record = store.records().get(0);
        long nowSeconds = System.currentTimeMillis() / 1000;
        assertThat(record.expirationEpochSeconds()).isBetween(nowSeconds + 7190, nowSeconds + 7201);
        // Other methods keep the configuration's settings.
        new AnnotatedServices.Refunds().settle(Map.of("orderId", "o1", "refundId", "other"));
        assertThat(AnnotatedServices.METHOD_RUNS).hasValue(2);
    }

    @Test
    void aMethodCanRaiseOnAMissingKeyWhileTheConfigurationOnlyWarns() {
        AnnotatedServices.Refunds refunds = new AnnotatedServices.Refunds();
        assertThatThrownBy(() -> refunds.strictRefund(Map.of("orderId", "o1")))
                .isInstanceOf(IdempotencyKeyException.class).hasMessageContaining("refundId");
        assertThat(AnnotatedServices.METHOD_RUNS).hasValue(0);
    }

    @Test
    void invalidMethodOptionsAreReportedByVerifyAtInitAndNeverRunTheMethod() {
        Idempotency configured = Idempotency.configured();
        assertThat(configured.verify(AnnotatedServices.OrderHandler.class, AnnotatedServices.Refunds.class))
                .isSameAs(configured);
        assertThatThrownBy(() -> configured.verify(AnnotatedServices.BadExpiration.class))
                .isInstanceOf(IdempotencyConfigurationException.class)
                .hasMessageContaining("AnnotatedServices$BadExpiration.charge").hasMessageContaining("2 hours")
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> configured.verify(AnnotatedServices.ShortExpiration.class))
                .isInstanceOf(IdempotencyConfigurationException.class)
                .hasMessageContaining("AnnotatedServices$ShortExpiration.charge")
                .hasMessageContaining("expiration PT1M").hasMessageContaining("inProgressTimeout PT15M");
        assertThatThrownBy(() -> configured.verify(AnnotatedServices.BadKeyPath.class))
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("orders[?");
        assertThatThrownBy(() -> configured.verify(AnnotatedServices.Overloaded.class))
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("overloaded");

        // Without verify, the first call fails the same way, before the method runs.
        assertThatThrownBy(() -> new AnnotatedServices.ShortExpiration().charge("x"))
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("PT1M");
        assertThatThrownBy(() -> new AnnotatedServices.Overloaded().charge("x"))
                .isInstanceOf(IdempotencyConfigurationException.class).hasMessageContaining("overloaded");
        assertThat(AnnotatedServices.METHOD_RUNS).hasValue(0);
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
