package io.powertools.logging.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.core.Invocation;
import io.powertools.logging.LogKeys;
import io.powertools.logging.LoggingOptions;
import io.powertools.logging.PowertoolsLogging;
import io.powertools.logging.testsupport.HostileLogInput;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Run by the real runtime client in a child JVM with many handler threads: each invocation marks
 * its lines (a temporary key and an MDC entry named {@code marker} / {@code mdc-marker}), then makes
 * seeded hostile log calls on its handler thread and on a shared worker pool (through
 * {@link Invocation#propagating}), and ends with {@code end of <marker>}. The event is
 * {@code {"seed": S, "marker": "mk00042"}}.
 */
public class AdversarialHandler implements RequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(AdversarialHandler.class);
    /** Shared by all invocations, as a function's executor is: workers are pooled too. */
    private static final ExecutorService WORKERS = Invocation.propagating(Executors.newFixedThreadPool(4));

    private final RequestHandler<Map<String, Object>, String> handler = PowertoolsLogging.decorate(
            AdversarialHandler::handle, LoggingOptions.builder().logEvent(true).logError(true).build());

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return handler.handleRequest(event, context);
    }

    private static String handle(Map<String, Object> event, Context context) {
        String marker = String.valueOf(event.get("marker"));
        HostileLogInput in = new HostileLogInput(((Number) event.get("seed")).longValue());
        LogKeys.appendKey("marker", marker);
        MDC.put("mdc-marker", marker);
        for (int i = 1 + in.nextInt(12); i > 0; i--) {
            in.logRandomly(LOG);
        }
        if (in.chance(0.3)) {
            long workerSeed = in.nextInt(1_000_000);
            try {
                WORKERS.submit(() -> {
                    MDC.put("worker-marker", marker);
                    HostileLogInput worker = new HostileLogInput(workerSeed);
                    for (int i = 1 + worker.nextInt(4); i > 0; i--) {
                        worker.logRandomly(LOG);
                    }
                    LOG.info("worker of {}", marker);
                }).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("worker of " + marker + " failed", e.getCause());
            }
        }
        LOG.info("end of {}", marker);
        if (in.chance(0.05)) {
            throw new IllegalStateException("uncaught in " + marker);
        }
        return "ok " + marker;
    }
}
