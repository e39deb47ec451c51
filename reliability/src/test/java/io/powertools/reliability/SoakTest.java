package io.powertools.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import io.powertools.reliability.handlers.SoakHandler;
import io.powertools.reliability.support.Driver;
import io.powertools.reliability.support.Report;
import io.powertools.reliability.support.StdoutLines;
import io.powertools.reliability.support.Tables;
import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The soak: one function combining logging (temporary keys, MDC, sampling, buffering, correlation
 * ids, event and error logging), metrics (unique values per invocation, cold start), idempotency
 * (duplicates in bursts and spread over the run, on the test JVM's dynalite), batch (SQS records in
 * parallel, poison and failing records) and per-request temp directories, run by the
 * real Lambda runtime interface client at concurrency 32 ({@code -Dsoak.concurrency}).
 *
 * <p>Size: {@code -Dsoak.invocations} (CI: 1,000; the full run: 10,000, see docs/reliability.md).
 *
 * <p>Every piece of output is checked against the request that produced it: a value, line or file
 * of one request seen in another's would fail the run.
 */
class SoakTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    private static final int INVOCATIONS = Integer.getInteger("soak.invocations", 1000);
    private static final int CONCURRENCY = Integer.getInteger("soak.concurrency", 32);
    private static final int RECORDS = 5;
    private static final String TABLE = "soak-idempotency";
    private static final String FUNCTION = "soak";

    @TempDir
    Path childTmp;

    /** What the test sent and expects for one invocation. */
    private record Sent(int seq, String requestId, String traceRoot, String tenant, int order, long amount,
            boolean fail, List<String> expectedFailures, Set<Long> recordValues) {
    }

    @Test
    void everyOutputBelongsToItsRequestAndEveryOrderRunsOnce() throws IOException {
        DYNAMO.createTable(TABLE, "id");
        List<Sent> sent = plan(new Random(20261124L));
        List<InvocationRequest> requests = new ArrayList<>();
        for (Sent s : sent) {
            requests.add(InvocationRequest.builder().requestId(s.requestId())
                    .traceId("Root=" + s.traceRoot() + ";Parent=0000000000000001;Sampled=1")
                    .tenantId(s.tenant())
                    .payload(event(s))
                    .build());
        }
        List<InvocationRequest> probes = new ArrayList<>();
        for (int p = 0; p < CONCURRENCY; p++) {
            probes.add(InvocationRequest.builder().requestId(String.format("99999999-0000-4000-8000-%012d", p))
                    .payload("{\"probe\":true}").build());
        }

        long started = System.nanoTime();
        List<InvocationResult> results;
        List<InvocationResult> probeResults;
        List<String> stdout;
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler(SoakHandler.class.getName() + "::handleRequest")
                .functionName(FUNCTION)
                .maxConcurrency(CONCURRENCY)
                .environment(SoakHandler.ENDPOINT_VARIABLE, DYNAMO.endpoint().toString())
                .environment(SoakHandler.TABLE_VARIABLE, TABLE)
                .environment("POWERTOOLS_SERVICE_NAME", FUNCTION)
                .jvmArgs(logConfig(), "-Djava.io.tmpdir=" + childTmp, "-Xmx1g")
                .invocationTimeout(Duration.ofSeconds(60))
                .start()) {
            results = Driver.runAll(runtime, requests, 2 * CONCURRENCY);
            // The final probe: one per pooled handler thread (the barrier holds each until all arrived).
            probeResults = runtime.invokeAll(probes);
            stdout = runtime.stdoutLines();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        StdoutLines lines = StdoutLines.parse(stdout);
        Map<String, Sent> byRequest = new HashMap<>();
        sent.forEach(s -> byRequest.put(s.requestId(), s));

        // 1. Responses: each is its own request's, and duplicates of an order replay one execution.
        Map<Integer, Set<JsonNode>> receiptsByOrder = new HashMap<>();
        Set<String> tmpDirs = new HashSet<>();
        int coldResponses = 0;
        Map<String, Boolean> sampled = new HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            Sent s = sent.get(i);
            InvocationResult result = results.get(i);
            if (s.fail()) {
                assertThat(result.isSuccess()).as("requested failure of %s", s.requestId()).isFalse();
                String message = result.error().orElseThrow().errorMessage();
                assertThat(message).startsWith("requested failure " + s.requestId() + " ");
                sampled.put(s.requestId(), message.contains("sampled=true"));
                continue;
            }
            assertThat(result.isSuccess()).as("invocation %s: %s", s.requestId(), result.error()).isTrue();
            JsonNode response = Json.parse(result.response());
            assertThat(response.get("requestId").asText()).isEqualTo(s.requestId());
            assertThat(response.get("seq").asInt()).isEqualTo(s.seq());
            assertThat(response.get("entryState").asText()).as("thread state at entry of %s", s.requestId())
                    .isEqualTo("clean");
            assertThat(response.get("correlationId").asText()).isEqualTo("corr-" + s.seq());
            List<String> failures = new ArrayList<>();
            response.get("failures").forEach(f -> failures.add(f.asText()));
            assertThat(failures).as("batch failures of %s", s.requestId()).isEqualTo(s.expectedFailures());
            assertThat(response.get("tmpOwn").asBoolean()).as("temp files of %s are its own", s.requestId()).isTrue();
            assertThat(response.get("tmpFiles").asInt()).isEqualTo(1 + s.recordValues().size());
            assertThat(tmpDirs.add(response.get("tmpDir").asText())).as("temp dir of %s is unique", s.requestId())
                    .isTrue();
            JsonNode receipt = response.get("receipt");
            assertThat(receipt.get("orderId").asText()).isEqualTo("order-" + s.order());
            assertThat(receipt.get("amount").asLong()).isEqualTo(s.amount());
            assertThat(receipt.get("tenant").asText()).isEqualTo(s.tenant());
            receiptsByOrder.computeIfAbsent(s.order(), k -> new HashSet<>()).add(receipt);
            if (response.get("coldStart").asBoolean()) {
                coldResponses++;
            }
            sampled.put(s.requestId(), response.get("sampled").asBoolean());
        }
        receiptsByOrder.forEach((order, receipts) -> {
            assertThat(receipts).as("distinct receipts of order-%s", order).hasSize(1);
            String executedBy = receipts.iterator().next().get("executedBy").asText();
            assertThat(byRequest.get(executedBy).order()).as("executor of order-%s", order).isEqualTo(order);
        });

        // 2. Idempotency: one execution per order (log lines and table), none by a duplicate.
        Map<String, String> executedBy = new HashMap<>();
        for (JsonNode line : lines.logLines) {
            String message = line.path("message").asText();
            if (message.startsWith("executed ")) {
                String[] parts = message.split(" ");
                assertThat(executedBy.put(parts[1], parts[3])).as("second execution of %s", parts[1]).isNull();
            }
        }
        Set<Integer> orders = new TreeSet<>();
        sent.forEach(s -> orders.add(s.order()));
        assertThat(executedBy).hasSize(orders.size());
        executedBy.forEach((orderId, requestId) ->
                assertThat("order-" + byRequest.get(requestId).order()).isEqualTo(orderId));
        receiptsByOrder.forEach((order, receipts) -> assertThat(executedBy.get("order-" + order))
                .isEqualTo(receipts.iterator().next().get("executedBy").asText()));
        Map<String, Map<String, AttributeValue>> records = Tables.items(DYNAMO.client(), TABLE);
        assertThat(records).hasSize(orders.size())
                .allSatisfy((key, r) -> assertThat(r.get("status").s()).isEqualTo("COMPLETED"));

        // 3. Logs: every line carries its own request's ids, keys and content.
        Map<String, Integer> debugLines = new HashMap<>();
        Map<String, Integer> heldLines = new HashMap<>();
        Map<String, Integer> errorLines = new HashMap<>();
        Map<String, Integer> recordLines = new HashMap<>();
        Set<String> coldLineRequests = new HashSet<>();
        int initLines = 0;
        int probeLines = 0;
        for (JsonNode line : lines.logLines) {
            assertThat(line.get("service").asText()).isEqualTo(FUNCTION);
            if (!line.has("function_request_id")) {
                assertThat(line.has("req")).as("init line with a request key: %s", line).isFalse();
                assertThat(line.has("cold_start")).isFalse();
                initLines++;
                continue;
            }
            String requestId = line.get("function_request_id").asText();
            if (requestId.startsWith("99999999-")) {
                assertThat(line.has("req")).as("probe line carries an earlier request's key: %s", line).isFalse();
                assertThat(line.has("mdcReq")).as("probe line carries an earlier request's MDC: %s", line).isFalse();
                assertThat(line.has("correlation_id")).isFalse();
                assertThat(line.get("cold_start").asBoolean()).isFalse();
                if (line.get("message").asText().equals("probe " + requestId)) {
                    probeLines++;
                }
                continue;
            }
            Sent s = byRequest.get(requestId);
            assertThat(s).as("line of an unknown request: %s", line).isNotNull();
            assertThat(line.get("xray_trace_id").asText()).as("trace of %s", line).isEqualTo(s.traceRoot());
            assertThat(line.get("tenant_id").asText()).isEqualTo(s.tenant());
            assertThat(line.get("correlation_id").asText()).as("correlation of %s", line).isEqualTo("corr-" + s.seq());
            if (line.has("mdcReq")) {
                assertThat(line.get("mdcReq").asText()).as("MDC of %s", line).isEqualTo(requestId);
            }
            String message = line.get("message").asText();
            if (message.equals("Handler Event")) {
                assertThat(line.get("event").get("seq").asInt()).as("event logged for %s", requestId).isEqualTo(s.seq());
            } else {
                assertThat(line.path("req").asText()).as("temporary key of %s", line).isEqualTo(requestId);
            }
            if (line.get("cold_start").asBoolean()) {
                coldLineRequests.add(requestId);
            }
            String level = line.get("level").asText();
            if (message.startsWith("start ") || message.startsWith("debug ") || message.startsWith("held ")) {
                assertThat(message).endsWith(" " + requestId);
            } else if (message.startsWith("record ")) {
                assertThat(message).startsWith("record " + requestId + "-m");
                recordLines.merge(requestId, 1, Integer::sum);
            } else if (message.startsWith("executed ")) {
                assertThat(message).endsWith(" by " + requestId);
            }
            if (message.startsWith("debug ")) {
                assertThat(level).isEqualTo("DEBUG");
                debugLines.merge(requestId, 1, Integer::sum);
            }
            if (message.startsWith("held ")) {
                heldLines.merge(requestId, 1, Integer::sum);
            }
            if (line.has("error") && message.equals("Exception in Lambda Handler")) {
                assertThat(line.get("error").get("message").asText()).startsWith("requested failure " + requestId);
                errorLines.merge(requestId, 1, Integer::sum);
            }
        }
        assertThat(initLines).isGreaterThanOrEqualTo(1);
        assertThat(probeLines).isEqualTo(CONCURRENCY);
        for (Sent s : sent) {
            String id = s.requestId();
            boolean wasSampled = sampled.get(id);
            assertThat(debugLines.getOrDefault(id, 0)).as("DEBUG lines of %s (sampled=%s)", id, wasSampled)
                    .isEqualTo(wasSampled ? 1 : 0);
            assertThat(heldLines.getOrDefault(id, 0)).as("buffered lines of %s (sampled=%s, failed=%s)", id,
                    wasSampled, s.fail()).isEqualTo(wasSampled || s.fail() ? 1 : 0);
            assertThat(errorLines.getOrDefault(id, 0)).as("error lines of %s", id).isEqualTo(s.fail() ? 1 : 0);
            assertThat(recordLines.getOrDefault(id, 0)).as("record lines of %s", id).isEqualTo(s.recordValues().size());
        }
        assertThat(sampled.values()).contains(true, false);

        // 4. Metrics: every blob valid (checked while parsing), every value in its own request's blob.
        Map<String, List<Long>> values = new HashMap<>();
        int coldStartBlobs = 0;
        int probeBlobs = 0;
        for (JsonNode blob : lines.blobs) {
            if (blob.has("ColdStart")) {
                coldStartBlobs++;
                assertThat(blob.get("FunctionName").asText()).isEqualTo(FUNCTION);
                continue;
            }
            String requestId = blob.get("function_request_id").asText();
            if (requestId.startsWith("99999999-")) {
                assertThat(blob.has("req")).isFalse();
                assertThat(blob.fieldNames()).toIterable().doesNotContain("InvocationValue", "RecordValue");
                probeBlobs++;
                continue;
            }
            Sent s = byRequest.get(requestId);
            assertThat(blob.get("req").asText()).as("metadata of the blob of %s", requestId).isEqualTo(requestId);
            assertThat(blob.get("xray_trace_id").asText()).isEqualTo(s.traceRoot());
            assertThat(blob.get("Suite").asText()).isEqualTo("soak");
            for (String metric : List.of("InvocationValue", "ExecutionValue", "RecordValue")) {
                JsonNode value = blob.get(metric);
                if (value == null) {
                    continue;
                }
                for (JsonNode v : value.isArray() ? value : List.of(value)) {
                    assertThat(v.asLong() / 1000).as("%s %s in the blob of %s", metric, v, requestId)
                            .isEqualTo(s.seq());
                    values.computeIfAbsent(requestId, k -> new ArrayList<>()).add(v.asLong());
                }
            }
        }
        assertThat(coldStartBlobs).as("ColdStart blobs").isEqualTo(1);
        assertThat(probeBlobs).isEqualTo(CONCURRENCY);
        for (Sent s : sent) {
            Set<Long> expected = new TreeSet<>(s.recordValues());
            expected.add(s.seq() * 1000L + 1);
            if (s.requestId().equals(executedBy.get("order-" + s.order()))) {
                expected.add(s.seq() * 1000L + 2);
            }
            List<Long> actual = values.getOrDefault(s.requestId(), List.of());
            assertThat(actual).as("metric values of %s", s.requestId()).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(actual)).as("metric values of %s", s.requestId()).isEqualTo(expected);
        }

        // 5. Cold start exactly once; no state on pooled threads; no temp directory left behind.
        assertThat(coldLineRequests).as("requests whose lines say cold_start").hasSize(1);
        assertThat(coldResponses).isLessThanOrEqualTo(1);
        assertThat(lines.other).as("stale state reported by the handler")
                .noneMatch(l -> l.contains(SoakHandler.STALE_MARKER));
        Set<String> probeThreads = new HashSet<>();
        for (InvocationResult probe : probeResults) {
            assertThat(probe.isSuccess()).as("probe %s", probe).isTrue();
            JsonNode response = Json.parse(probe.response());
            assertThat(response.get("entryState").asText()).as("pooled thread %s", response.get("thread"))
                    .isEqualTo("clean");
            assertThat(response.get("barrier").asText()).isEqualTo("passed");
            probeThreads.add(response.get("thread").asText());
        }
        assertThat(probeThreads).as("every pooled handler thread probed").hasSize(CONCURRENCY);
        try (Stream<Path> left = Files.list(childTmp)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("per-request temp directories left behind").noneMatch(n -> n.startsWith("powertools-"));
        }

        new Report("soak-" + INVOCATIONS)
                .put("invocations", INVOCATIONS)
                .put("concurrency (handler threads)", CONCURRENCY)
                .put("distinct orders (idempotency keys)", orders.size())
                .put("duplicate invocations (replayed)", INVOCATIONS - orders.size())
                .put("executions of the protected code", executedBy.size())
                .put("invocations failing on purpose", sent.stream().filter(Sent::fail).count())
                .put("sampled invocations", sampled.values().stream().filter(b -> b).count())
                .put("SQS records processed (parallel 4)", INVOCATIONS * RECORDS)
                .put("JSON log lines checked", lines.logLines.size())
                .put("EMF blobs validated", lines.blobs.size())
                .put("distinct per-request temp dirs", tmpDirs.size())
                .put("pooled threads probed after the run", probeThreads.size())
                .put("cold starts", coldLineRequests.size())
                .put("wall clock, runtime start to last answer (s, information only)",
                        String.format("%.1f", seconds))
                .write();
    }

    /** Orders with one, two or three copies; half the duplicated orders in bursts, the rest spread out. */
    private static List<Sent> plan(Random random) {
        List<List<Integer>> blocks = new ArrayList<>();
        int total = 0;
        for (int order = 0; total < INVOCATIONS; order++) {
            double r = random.nextDouble();
            int copies = Math.min(r < 0.6 ? 1 : r < 0.85 ? 2 : 3, INVOCATIONS - total);
            total += copies;
            if (copies > 1 && random.nextBoolean()) {
                blocks.add(Collections.nCopies(copies, order));
            } else {
                for (int c = 0; c < copies; c++) {
                    blocks.add(List.of(order));
                }
            }
        }
        Collections.shuffle(blocks, random);
        List<Sent> sent = new ArrayList<>();
        for (List<Integer> block : blocks) {
            for (int order : block) {
                int seq = sent.size();
                List<String> failures = new ArrayList<>();
                Set<Long> recordValues = new TreeSet<>();
                String requestId = String.format("00000000-0000-4000-8000-%012d", seq);
                for (int k = 0; k < RECORDS; k++) {
                    boolean poison = k == seq % 7;
                    boolean failing = k == (seq + 2) % 6;
                    if (poison || failing) {
                        failures.add(requestId + "-m" + k);
                    }
                    if (!poison) {
                        recordValues.add(seq * 1000L + 100 + k);
                    }
                }
                sent.add(new Sent(seq, requestId, String.format("1-6a000000-%024x", seq), "tenant-" + order % 4,
                        order, 100L + order, seq % 50 == 13, failures, recordValues));
            }
        }
        return sent;
    }

    private static String event(Sent s) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int k = 0; k < RECORDS; k++) {
            String messageId = s.requestId() + "-m" + k;
            String body = k == s.seq() % 7 ? "{poison"
                    : Json.write(Map.of("item", "i-" + k, "value", s.seq() * 1000L + 100 + k,
                            "fail", k == (s.seq() + 2) % 6));
            records.add(Map.of("messageId", messageId, "body", body));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("seq", s.seq());
        event.put("orderId", "order-" + s.order());
        event.put("amount", s.amount());
        event.put("fail", s.fail());
        event.put("requestContext", Map.of("requestId", "corr-" + s.seq()));
        event.put("Records", records);
        return Json.write(event);
    }

    static String logConfig() {
        return logConfig("/log4j2-child.xml");
    }

    static String logConfig(String resource) {
        try {
            return "-Dlog4j2.configurationFile=" + Path.of(SoakTest.class.getResource(resource).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
