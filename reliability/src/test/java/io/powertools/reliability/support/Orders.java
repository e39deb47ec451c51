package io.powertools.reliability.support;

import io.powertools.core.json.Json;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Requests and witnesses for the order function of the fault tests. */
public final class Orders {

    private static final Pattern EXECUTED = Pattern.compile("executed (\\S+) (\\S+)");
    private static final Pattern BLOCKING = Pattern.compile("blocking (\\S+) (\\S+)");
    private static final AtomicInteger IDS = new AtomicInteger();

    private Orders() {
    }

    /** A request for an order with a fresh request id, carrying {@code tag} in it for diagnostics. */
    public static InvocationRequest request(String tag, String orderId, boolean block, Duration timeout) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("orderId", orderId);
        if (block) {
            event.put("block", true);
        }
        return InvocationRequest.builder()
                .requestId(String.format("%s-%06d-%s", tag, IDS.incrementAndGet(), orderId))
                .payload(Json.write(event))
                .timeout(timeout)
                .build();
    }

    /** The order id a request was sent for. */
    public static String orderOf(InvocationRequest request) {
        return Json.parse(request.payload()).get("orderId").asText();
    }

    /** Which requests executed each order, from the function's {@code executed} lines. */
    public static Map<String, List<String>> executions(List<String> stdout) {
        return witnesses(stdout, EXECUTED);
    }

    /** Which requests blocked inside the protected code, by order. */
    public static Map<String, List<String>> blocking(List<String> stdout) {
        return witnesses(stdout, BLOCKING);
    }

    private static Map<String, List<String>> witnesses(List<String> stdout, Pattern pattern) {
        Map<String, List<String>> byOrder = new HashMap<>();
        for (String line : stdout) {
            Matcher matcher = pattern.matcher(line);
            while (matcher.find()) {
                byOrder.computeIfAbsent(matcher.group(1), k -> new ArrayList<>()).add(matcher.group(2));
            }
        }
        return byOrder;
    }

    /**
     * Sends every order again, with fresh request ids, round after round, until each has succeeded:
     * what Lambda's retries or a queue's redelivery do. Bounded: fails after {@code maxRounds}.
     *
     * @return every attempt's result, in the order they were made
     */
    public static List<InvocationResult> retryUntilSuccess(LocalLambdaRuntime runtime, String tag,
            List<String> orderIds, Duration timeout, int maxRounds) {
        List<InvocationResult> attempts = new ArrayList<>();
        List<String> pending = new ArrayList<>(orderIds);
        for (int round = 0; round < maxRounds && !pending.isEmpty(); round++) {
            if (round > 0) {
                pause(200);
            }
            List<InvocationRequest> requests = new ArrayList<>();
            pending.forEach(order -> requests.add(request(tag, order, false, timeout)));
            List<InvocationResult> results = runtime.invokeAll(requests);
            attempts.addAll(results);
            pending.clear();
            results.stream().filter(r -> !r.isSuccess()).forEach(r -> pending.add(orderOf(r.request())));
        }
        if (!pending.isEmpty()) {
            throw new AssertionError("Orders still failing after " + maxRounds + " rounds of retries: " + pending
                    + "; last errors: " + attempts.subList(Math.max(0, attempts.size() - pending.size()),
                    attempts.size()));
        }
        return attempts;
    }

    /** The pause of a bounded polling loop. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
