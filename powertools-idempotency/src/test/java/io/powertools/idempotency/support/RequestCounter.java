package io.powertools.idempotency.support;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Counts the DynamoDB requests a client sends, per operation (PutItem, UpdateItem...). */
public final class RequestCounter implements ExecutionInterceptor {

    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = context.request().getClass().getSimpleName().replace("Request", "");
        counts.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    }

    /** @return requests since the last reset */
    public int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /**
     * @param operation e.g. "PutItem"
     * @return requests of that operation since the last reset
     */
    public int count(String operation) {
        AtomicInteger c = counts.get(operation);
        return c == null ? 0 : c.get();
    }

    /** @return a sorted snapshot, for assertion messages */
    public Map<String, Integer> snapshot() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Forgets all counts. */
    public void reset() {
        counts.clear();
    }
}
