package io.powertools.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.powertools.core.Invocation;
import io.powertools.core.InvocationLocal;
import io.powertools.core.InvocationTempDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Test handler for the foundation end-to-end test: opens the Invocation like every utility does,
 * hands work to a shared worker pool, and reports what the handler thread and the worker saw.
 */
public class InvocationScopeHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** Shared by all concurrent invocations, as a user's executor would be. */
    private static final ExecutorService WORKERS = Invocation.propagating(Executors.newFixedThreadPool(4));
    private static final InvocationLocal<String> MARK = InvocationLocal.of("mark");

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("leftOverBefore", Invocation.current().map(Invocation::requestId).orElse(null));
        try (Invocation.Scope scope = Invocation.open(event, context)) {
            Invocation invocation = scope.invocation();
            MARK.set(invocation.requestId());
            Path scratch = InvocationTempDirectory.current().resolve("scratch.txt");
            Files.writeString(scratch, invocation.requestId());
            Future<Map<String, Object>> fromWorker = WORKERS.submit(() -> {
                Invocation seen = Invocation.require();
                Map<String, Object> worker = new LinkedHashMap<>();
                worker.put("requestId", seen.requestId());
                worker.put("mark", MARK.get());
                worker.put("scratch", Files.readString(InvocationTempDirectory.current().resolve("scratch.txt")));
                return worker;
            });
            answer.put("requestId", invocation.requestId());
            answer.put("traceId", invocation.traceId().orElse(null));
            answer.put("tenantId", invocation.tenantId().orElse(null));
            answer.put("coldStart", invocation.isColdStart());
            answer.put("multiConcurrent", invocation.executionEnvironment().isMultiConcurrent());
            answer.put("worker", fromWorker.get());
            answer.put("scratchDirectory", scratch.getParent().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        answer.put("leftOverAfter", Invocation.current().map(Invocation::requestId).orElse(null));
        return answer;
    }
}
