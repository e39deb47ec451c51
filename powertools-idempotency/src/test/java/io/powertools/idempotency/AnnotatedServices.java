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
    }
}
