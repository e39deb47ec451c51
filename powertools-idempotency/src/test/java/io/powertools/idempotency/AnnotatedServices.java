package io.powertools.idempotency;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Classes woven by ajc in this module's test build. */
final class AnnotatedServices {

    static final AtomicInteger HANDLER_RUNS = new AtomicInteger();
    static final AtomicInteger METHOD_RUNS = new AtomicInteger();

    private AnnotatedServices() {
    }

    /** An annotated handler: the key comes from the event. */
    static final class OrderHandler implements RequestHandler<Map<String, Object>, Receipt> {
        @Override
        @Idempotent
        public Receipt handleRequest(Map<String, Object> event, Context context) {
            int n = HANDLER_RUNS.incrementAndGet();
            if ("fail".equals(event.get("orderId"))) {
                throw new IllegalArgumentException("rejected order");
            }
            return new Receipt(String.valueOf(event.get("orderId")), 1, n);
        }
    }

    /** Annotated methods that are not handlers. */
    static final class Payments {
        @Idempotent("beta")
        Receipt charge(String note, @IdempotencyKey Map<String, Object> order) {
            return new Receipt("beta:" + order.get("orderId") + ":" + note, 2, METHOD_RUNS.incrementAndGet());
        }

        @Idempotent
        List<Receipt> batch(String orderId) {
            return List.of(new Receipt(orderId, 3, METHOD_RUNS.incrementAndGet()));
        }

        @Idempotent
        Receipt ambiguous(String a, String b) {
            return new Receipt(a + b, 0, METHOD_RUNS.incrementAndGet());
        }

        /** Same method name as {@link Refunds#settle}: the default names keep their records apart. */
        @Idempotent
        Receipt settle(Map<String, Object> order) {
            return new Receipt("payments:" + order.get("orderId"), 4, METHOD_RUNS.incrementAndGet());
        }
    }

    /** Methods with options of their own over the registered configuration (key path "orderId"). */
    static final class Refunds {
        @Idempotent
        Receipt settle(Map<String, Object> order) {
            return new Receipt("refunds:" + order.get("orderId"), 5, METHOD_RUNS.incrementAndGet());
        }

        @Idempotent(eventKeyJmesPath = "refundId", payloadValidationJmesPath = "amount", expiration = "PT2H")
        Receipt refund(Map<String, Object> refund) {
            return new Receipt("refund:" + refund.get("refundId"), 6, METHOD_RUNS.incrementAndGet());
        }

        @Idempotent(eventKeyJmesPath = "refundId", throwOnNoIdempotencyKey = Idempotent.Setting.TRUE)
        Receipt strictRefund(Map<String, Object> refund) {
            return new Receipt("strict:" + refund.get("refundId"), 7, METHOD_RUNS.incrementAndGet());
        }
    }

    /** An expiration that is not an ISO-8601 duration. */
    static final class BadExpiration {
        @Idempotent(expiration = "2 hours")
        Receipt charge(String orderId) {
            return new Receipt(orderId, 0, METHOD_RUNS.incrementAndGet());
        }
    }

    /** An expiration shorter than the configuration's in-progress timeout (15 minutes). */
    static final class ShortExpiration {
        @Idempotent(expiration = "PT1M")
        Receipt charge(String orderId) {
            return new Receipt(orderId, 0, METHOD_RUNS.incrementAndGet());
        }
    }

    /** Malformed JMESPath. */
    static final class BadKeyPath {
        @Idempotent(eventKeyJmesPath = "orders[?")
        Receipt charge(String orderId) {
            return new Receipt(orderId, 0, METHOD_RUNS.incrementAndGet());
        }
    }

    /** Overloads that would share the default name. */
    static final class Overloaded {
        @Idempotent
        Receipt charge(String orderId) {
            return new Receipt(orderId, 0, METHOD_RUNS.incrementAndGet());
        }

        @Idempotent
        Receipt charge(Map<String, Object> order) {
            return new Receipt(String.valueOf(order), 0, METHOD_RUNS.incrementAndGet());
        }
    }
}
