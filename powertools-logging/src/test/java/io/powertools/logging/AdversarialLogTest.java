package io.powertools.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.logging.internal.ReservedKeys;
import io.powertools.logging.testsupport.HostileLogInput;
import io.powertools.logging.testsupport.LogLines;
import io.powertools.logging.testsupport.StdoutLines;
import io.powertools.testing.FakeContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Hostile input in every place a caller can put it (messages, exceptions, MDC, SLF4J fluent
 * key-values, temporary and persistent keys, structured arguments, JSON text, the logged event),
 * seeded, through the real Log4j2 pipeline with the library's default line (PowertoolsJsonLayout
 * in PowertoolsConsole, read back from System.out in bytes as written). For every case:
 *
 * <ul>
 *   <li>every line is valid by {@code LogLineValidator}: one strict JSON object (a member twice
 *       fails), at most 256 KB as written, valid UTF-8, the layout's members with their types;</li>
 *   <li>no value given under a configured sensitive key, or under one inside JSON text, appears
 *       anywhere in the output;</li>
 *   <li>every line of the invocation carries its own request id and marker, and nothing of the
 *       previous case's MDC or keys; after the invocation the thread's MDC is as before;</li>
 *   <li>no log call throws into the caller.</li>
 * </ul>
 *
 * <p>Size and seed: {@code -Dlog.adversarial.cases=N} (CI: {@value #CI_CASES}, about 30 s; a larger
 * run: 1,500, about 90 s), {@code -Dlog.adversarial.seed=S} to replay; a failure names both.
 */
class AdversarialLogTest {

    private static final int CI_CASES = 150;
    private static final int CASES = Integer.getInteger("log.adversarial.cases", CI_CASES);
    private static final long SEED = Long.getLong("log.adversarial.seed", ThreadLocalRandom.current().nextLong());
    private static final String LOGGER = "stdout.adversarial";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private StdoutLines stdout;
    private int lines;
    private int bytes;

    @BeforeEach
    void capture() {
        LogLines.clear();
        stdout = StdoutLines.capture();
    }

    @AfterEach
    void restore() {
        stdout.close();
        MDC.clear();
        LogKeys.clearPersistentKeys();
        ReservedKeys.forgetWarnings();
    }

    @Test
    void hostileInputGivesOnlyValidBoundedLinesWithoutSecretsOrAnotherInvocationsState() {
        for (int c = 0; c < CASES; c++) {
            try {
                runCase(new HostileLogInput(SEED + c), c);
            } catch (Throwable t) {
                throw new AssertionError("Adversarial log case " + c + " failed. Replay with -Dlog.adversarial.seed="
                        + SEED + " -Dlog.adversarial.cases=" + (c + 1), t);
            }
        }
        // System.out is captured here: the summary goes to standard error.
        System.err.printf("AdversarialLogTest: seed %d, %d cases, %d lines, %d bytes%n", SEED, CASES, lines, bytes);
        assertThat(lines).as("lines written").isGreaterThan(CASES);
    }

    private void runCase(HostileLogInput in, int c) {
        String requestId = "adv-" + c;
        String marker = "marker-" + c;
        MDC.put("before", "thread-" + c);
        Map<String, String> mdcBefore = MDC.getCopyOfContextMap();
        if (in.chance(0.2)) {
            if (in.chance(0.5)) {
                LogKeys.appendPersistentKey(in.sensitiveKey(), in.secret());
            } else {
                LogKeys.appendPersistentKey(in.name(), in.value(0));
            }
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("body", in.chance(0.5) ? in.textHoldingASecret() : in.message());
        event.put("headers", Map.of("Authorization", in.secret(), in.name(), in.message()));
        event.put(in.name(), in.value(0));
        LoggingOptions options = LoggingOptions.builder().logEvent(in.chance(0.5)).logError(true).build();
        int calls = 1 + in.nextInt(25);
        try {
            PowertoolsLogging.withLogging(event, FakeContext.builder().awsRequestId(requestId).build(), options,
                    LogManager.getLogger(LOGGER), () -> {
                        LogKeys.appendKey("marker", marker);
                        MDC.put("mdc-marker", marker);
                        for (int i = 0; i < calls; i++) {
                            in.logRandomly(LOG);
                        }
                        LOG.info("end of {}", requestId);
                        if (in.chance(0.1)) {
                            throw new IllegalStateException("uncaught " + requestId);
                        }
                        return null;
                    });
        } catch (IllegalStateException uncaught) {
            assertThat(uncaught.getMessage()).isEqualTo("uncaught " + requestId);
        }
        assertThat(MDC.getCopyOfContextMap()).as("the thread's MDC after the invocation").isEqualTo(mdcBefore);
        LogKeys.clearPersistentKeys();
        MDC.clear();

        byte[] written = stdout.bytes();
        List<JsonNode> caseLines = stdout.take(); // LogLineValidator on every line, in bytes as written
        // The library's own warnings (logger io.powertools.logging) go to this JVM's template appender,
        // which is not PowertoolsConsole and so does not bound lines; AdversarialRuntimeTest checks them
        // as a function writes them.
        LogLines.clear();
        String text = new String(written, StandardCharsets.UTF_8);
        int secret = text.indexOf(HostileLogInput.SECRET_PREFIX);
        assertThat(secret).as("a secret in the output: ...%s...",
                secret < 0 ? "" : text.substring(Math.max(0, secret - 300), Math.min(text.length(), secret + 100)))
                .isNegative();
        assertThat(caseLines).extracting(line -> line.get("message").asText()).contains("end of " + requestId);
        for (JsonNode line : caseLines) {
            assertThat(line.path("function_request_id").asText()).as("request id of %s", line).isEqualTo(requestId);
            String message = line.get("message").asText();
            // The event line is written before the handler adds the markers; a line too large for its
            // keys says so in its message.
            if (!message.equals(DecoratedInvocation.EVENT_MESSAGE) && !message.startsWith("[keys and MDC left out")) {
                assertThat(line.path("marker").asText()).as("marker of %s", line).isEqualTo(marker);
                assertThat(line.path("mdc-marker").asText()).as("MDC marker of %s", line).isEqualTo(marker);
            }
            assertThat(line.toString()).doesNotContain("marker-" + (c - 1) + "\"", "thread-" + (c - 1) + "\"");
        }
        lines += caseLines.size();
        bytes += written.length;
    }
}
