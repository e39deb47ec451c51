package io.powertools.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import io.powertools.testing.StrictJson;
import io.powertools.testing.XRayDaemon;
import io.powertools.testing.XRayTrace;
import io.powertools.testing.XRayTrace.Subsegment;
import io.powertools.testing.XRayTraceHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The acceptance test of the module: the woven {@code @Tracing} handler run by the real Lambda
 * runtime interface client in its own JVM with 32 handler threads, its documents sent to the kit's
 * X-Ray daemon stand-in. Every datagram is valid; every subsegment (worker threads and DynamoDB
 * calls to the kit's server included) lands in its own invocation's trace under its own parent;
 * no tree has an orphan or a subsegment left in progress; unsampled invocations send nothing;
 * exactly one ColdStart; and each log line's {@code xray_trace_id} is its invocation's trace.
 * {@code -Dpowertools.tracing.e2e.invocations=N} runs more.
 */
class EndToEndRuntimeTest {

    private static final int INVOCATIONS = Integer.getInteger("powertools.tracing.e2e.invocations", 2000);
    private static final int CONCURRENCY = 32;

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    /** Every tenth invocation after the first hundred is unsampled; the first wave is all sampled. */
    private static boolean sampled(int id) {
        return id < 100 || id % 10 != 3;
    }

    @Test
    void everySubsegmentOfManyConcurrentInvocationsLandsInItsOwnTrace() {
        DYNAMO.createTable("orders", "id");
        List<XRayTraceHeader> headers = new ArrayList<>();
        List<InvocationRequest> requests = new ArrayList<>();
        for (int id = 0; id < INVOCATIONS; id++) {
            XRayTraceHeader header = sampled(id) ? XRayTraceHeader.sampled() : XRayTraceHeader.notSampled();
            headers.add(header);
            requests.add(InvocationRequest.builder().requestId("e2e-" + id).traceId(header.toString())
                    .payload("{\"id\":" + id + "}").build());
        }
        List<InvocationResult> results;
        List<String> stdout;
        Map<String, XRayTrace> traces;
        try (XRayDaemon daemon = XRayDaemon.start();
                LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                        .handler("io.powertools.tracing.handlers.TracedOrderHandler::handleRequest")
                        .maxConcurrency(CONCURRENCY)
                        .environment("AWS_XRAY_DAEMON_ADDRESS", daemon.address())
                        .environment("POWERTOOLS_SERVICE_NAME", "orders")
                        .environment("DYNAMO_ENDPOINT", DYNAMO.endpoint().toString())
                        .invocationTimeout(Duration.ofSeconds(60))
                        .start()) {
            results = runtime.invokeAll(requests);
            stdout = runtime.stdoutLines();
            long sampledCount = headers.stream().filter(XRayTraceHeader::isSampled).count();
            daemon.awaitDatagrams((int) sampledCount, Duration.ofSeconds(60));
            assertThat(daemon.problems()).isEmpty();
            traces = daemon.traces();
            assertThat(runtime.stderrLines()).noneMatch(line -> line.contains("powertools-tracing:"));
        }

        int coldStarts = 0;
        for (int id = 0; id < INVOCATIONS; id++) {
            XRayTraceHeader header = headers.get(id);
            InvocationResult result = results.get(id);
            boolean fails = id % 25 == 24;
            assertThat(result.isSuccess()).as("invocation %d: %s", id, result).isEqualTo(!fails);
            if (!header.isSampled()) {
                assertThat(traces).as("unsampled invocation %d", id).doesNotContainKey(header.root());
                continue;
            }
            XRayTrace trace = traces.get(header.root());
            assertThat(trace).as("trace of invocation %d", id).isNotNull();
            assertThat(trace.inProgress()).as("%s", trace).isEmpty();
            assertThat(trace.orphans(header.parent())).as("%s", trace).isEmpty();
            assertThat(trace.subsegments()).as("%s", trace).hasSize(id % 5 == 0 ? 4 : 3);

            Subsegment handler = trace.named("## handleRequest").get(0);
            assertThat(handler.parentId()).isEqualTo(header.parent());
            assertThat(handler.annotation("Id").map(JsonNode::intValue)).contains(id);
            assertThat(handler.annotation("Service").map(JsonNode::textValue)).contains("orders");
            if (handler.annotation("ColdStart").map(JsonNode::booleanValue).orElse(false)) {
                coldStarts++;
            }
            Subsegment price = trace.named("## price").get(0);
            assertThat(price.parentId()).isEqualTo(handler.id());
            assertThat(price.metadata("pricing", "id").map(JsonNode::intValue)).contains(id);
            assertThat(price.metadata("orders", "price response").map(JsonNode::longValue)).contains(id * 10L);
            Subsegment check = trace.named("## check").get(0);
            assertThat(check.parentId()).isEqualTo(handler.id());
            assertThat(check.annotation("CheckedId").map(JsonNode::intValue)).contains(id);
            if (id % 5 == 0) {
                Subsegment put = trace.named("DynamoDB").get(0);
                assertThat(put.parentId()).isEqualTo(handler.id());
                assertThat(put.document().path("aws").path("operation").asText()).isEqualTo("PutItem");
                assertThat(put.document().path("aws").path("table_name").asText()).isEqualTo("orders");
            }
            if (fails) {
                assertThat(handler.fault()).isTrue();
                assertThat(handler.document().path("cause").path("exceptions").get(0).path("message").asText())
                        .isEqualTo("order " + id + " rejected");
            } else {
                assertThat(handler.metadata("orders", "handleRequest response").map(JsonNode::textValue))
                        .contains("checked-" + id + "/" + id * 10L);
            }
        }
        assertThat(coldStarts).isEqualTo(1);

        // Logs and traces join: the log line of each invocation names the trace its segments are in.
        Map<Integer, String> loggedTrace = new HashMap<>();
        for (String line : stdout) {
            int start = line.indexOf("{\"");
            if (start < 0 || !line.contains("handled order")) {
                continue;
            }
            JsonNode log = StrictJson.parse(line.substring(start).trim());
            int id = Integer.parseInt(log.get("message").asText().substring("handled order ".length()));
            loggedTrace.put(id, log.get("xray_trace_id").asText());
            assertThat(log.get("function_request_id").asText()).isEqualTo("e2e-" + id);
        }
        assertThat(loggedTrace).hasSize(INVOCATIONS);
        loggedTrace.forEach((id, traceId) -> {
            assertThat(traceId).isEqualTo(headers.get(id).root());
            if (headers.get(id).isSampled()) {
                assertThat(traces.get(traceId).named("## handleRequest")).hasSize(1);
            }
        });
    }
}
