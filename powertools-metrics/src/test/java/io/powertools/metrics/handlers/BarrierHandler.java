package io.powertools.metrics.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Entry point for the end-to-end test in the runtime client's JVM: the first 16 invocations
 * (ids 0-15) wait for each other before entering the woven {@link AnnotatedHandler}, so they all
 * race for the cold start at the same moment.
 */
public class BarrierHandler implements RequestHandler<Map<String, Object>, String> {

    /** Test synchronisation only: released once, when 16 handler threads have arrived. */
    private static final CyclicBarrier FIRST_SIXTEEN = new CyclicBarrier(16);

    private final AnnotatedHandler delegate = new AnnotatedHandler();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        int id = ((Number) event.get("id")).intValue();
        if (id < 16) {
            try {
                FIRST_SIXTEEN.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the first 16 invocations did not run concurrently", e);
            }
        }
        return delegate.handleRequest(event, context);
    }
}
