package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.logging.handlers.AdversarialHandler;
import io.powertools.logging.testsupport.HostileLogInput;
import io.powertools.testing.FunctionError;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import io.powertools.testing.LogLineValidator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The adversarial suite through the real runtime: the real Lambda runtime interface client in a
 * child JVM with 32 handler threads (Lambda Managed Instances style), the library's line
 * (PowertoolsJsonLayout in PowertoolsConsole), and seeded hostile log calls on pooled handler
 * threads and on a shared worker pool ({@link AdversarialHandler}). Over ALL of stdout:
 *
 * <ul>
 *   <li>every log line is valid by {@code LogLineValidator}: one strict JSON object, at most 256 KB,
 *       valid UTF-8, the layout's members;</li>
 *   <li>no line carries another invocation's request id or marker: a line's markers (temporary key,
 *       MDC on the handler thread, MDC on the worker) are those of the request in its
 *       {@code function_request_id}, and no other invocation's marker appears anywhere in it;</li>
 *   <li>no configured secret appears anywhere, on stdout or stderr;</li>
 *   <li>every invocation wrote its last line, and ended as its handler decided.</li>
 * </ul>
 *
 * <p>Size and seed: {@code -Dlog.adversarial.invocations=N} (CI: {@value #CI_INVOCATIONS}, about 15 s; a
 * larger run: 2,000, about 30 s), {@code -Dlog.adversarial.seed=S} to replay; a failure names both.
 */
class AdversarialRuntimeTest {

    private static final int CI_INVOCATIONS = 400;
    private static final int INVOCATIONS = Integer.getInteger("log.adversarial.invocations", CI_INVOCATIONS);
    private static final long SEED = Long.getLong("log.adversarial.seed", ThreadLocalRandom.current().nextLong());
    private static final int CONCURRENCY = 32;
    private static final Pattern MARKER = Pattern.compile("mk\\d{5}");

    @Test
    void concurrentHostileInvocationsNeverShareALineAndEveryLineKeepsItsContract() throws Exception {
        Path config = Path.of(AdversarialRuntimeTest.class.getResource("/log4j2-adversarial.xml").toURI());
        List<InvocationRequest> requests = new ArrayList<>();
        Map<String, String> markers = new HashMap<>();
        for (int i = 0; i < INVOCATIONS; i++) {
            String id = String.format("00000000-0000-4000-8000-%012d", i);
            String marker = String.format("mk%05d", i);
            markers.put(id, marker);
            requests.add(InvocationRequest.builder().requestId(id)
                    .payload("{\"seed\":" + (SEED + i) + ",\"marker\":\"" + marker + "\"}").build());
        }
        List<String> stdout;
        List<String> stderr;
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.builder()
                .handler(AdversarialHandler.class.getName() + "::handleRequest")
                .classpath(System.getProperty("java.class.path"))
                .maxConcurrency(CONCURRENCY)
                .environment("POWERTOOLS_SERVICE_NAME", "adversarial")
                .environment("POWERTOOLS_LOGGER_REDACT_KEYS", "password,authorization,cardNumber")
                .jvmArgs("-Dlog4j2.configurationFile=" + config)
                .invocationTimeout(Duration.ofSeconds(120))
                .start()) {
            for (InvocationResult result : runtime.invokeAll(requests)) {
                String marker = markers.get(result.request().requestId());
                if (result.isSuccess()) {
                    assertThat(result.response()).isEqualTo("\"ok " + marker + "\"");
                } else {
                    assertThat(result.error().map(FunctionError::errorMessage)).as("failure of %s", marker)
                            .contains("uncaught in " + marker);
                }
            }
            stdout = runtime.stdoutLines();
            stderr = runtime.stderrLines();
        } catch (AssertionError e) {
            throw replay(e);
        }
        try {
            check(stdout, stderr, markers);
        } catch (AssertionError e) {
            throw replay(e);
        }
    }

    private static void check(List<String> stdout, List<String> stderr, Map<String, String> markers) {
        Set<String> ended = new HashSet<>();
        int logLines = 0;
        for (String raw : stdout) {
            int start = raw.indexOf("{\"level\"");
            // The runtime client prints its banner without a line break: the first line of the run may follow it.
            String line = start > 0 && raw.startsWith("Starting ") ? raw.substring(start) : raw;
            assertThat(line).as("a secret on stdout").doesNotContain(HostileLogInput.SECRET_PREFIX);
            if (!LogLineValidator.looksLikeLogLine(line)) {
                assertThat(line).as("a line that is not a log line carries log fields").doesNotContain("function_request_id");
                continue;
            }
            JsonNode parsed = LogLineValidator.requireValid(line);
            logLines++;
            JsonNode id = parsed.get("function_request_id");
            if (id == null) {
                assertThat(MARKER.matcher(line).find()).as("a line outside any invocation with a marker: %s", line).isFalse();
                continue;
            }
            String own = markers.get(id.asText());
            assertThat(own).as("request id %s is one of the run's", id).isNotNull();
            Matcher found = MARKER.matcher(line);
            while (found.find()) {
                assertThat(found.group()).as("markers in a line of %s", own).isEqualTo(own);
            }
            String message = parsed.get("message").asText();
            if (!message.equals(DecoratedInvocation.EVENT_MESSAGE) && !message.startsWith("[keys and MDC left out")) {
                assertThat(parsed.path("marker").asText()).as("temporary key of a line of %s", own).isEqualTo(own);
            }
            if (message.equals("end of " + own)) {
                assertThat(parsed.path("mdc-marker").asText()).isEqualTo(own);
                assertThat(ended.add(own)).as("one last line for %s", own).isTrue();
            }
        }
        for (String line : stderr) {
            assertThat(line).as("a secret on stderr").doesNotContain(HostileLogInput.SECRET_PREFIX);
        }
        assertThat(ended).as("invocations that wrote their last line").hasSize(markers.size());
        System.out.printf("AdversarialRuntimeTest: seed %d, %d invocations at concurrency %d, %d log lines%n",
                SEED, markers.size(), CONCURRENCY, logLines);
    }

    private static AssertionError replay(AssertionError failure) {
        return new AssertionError("Adversarial runtime run failed. Replay with -Dlog.adversarial.seed=" + SEED
                + " -Dlog.adversarial.invocations=" + INVOCATIONS, failure);
    }
}
