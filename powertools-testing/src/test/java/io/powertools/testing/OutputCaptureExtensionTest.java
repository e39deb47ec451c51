package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

/** What a function prints in the test's JVM comes back as lines, log events and checked EMF blobs. */
@ExtendWith(OutputCaptureExtension.class)
class OutputCaptureExtensionTest {

    private static final String LOG_LINE = logLine("Order accepted");

    private static String logLine(String message) {
        return "{\"level\":\"INFO\",\"message\":\"" + message + "\",\"timestamp\":\"2026-12-07T10:15:30.123Z\","
                + "\"logger\":\"com.example.OrderHandler\",\"service\":\"orders\"}";
    }

    private static String emf(long timestamp) {
        return "{\"_aws\":{\"Timestamp\":" + timestamp + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Orders\","
                + "\"Dimensions\":[[\"service\"]],\"Metrics\":[{\"Name\":\"OrderPlaced\",\"Unit\":\"Count\"}]}]},"
                + "\"service\":\"orders\",\"OrderPlaced\":1}";
    }

    @BeforeEach
    void printedBeforeTheTest() {
        System.out.println("printed by @BeforeEach");
    }

    @Test
    void separatesLogEventsEmfBlobsAndPlainText(CapturedOutput output) {
        output.clear();
        String blob = emf(System.currentTimeMillis());
        System.out.println(LOG_LINE);
        System.out.println("plain text from a println");
        System.out.println(blob);
        System.out.print(logLine("not finished yet"));

        assertThat(output.lines())
                .containsExactly(LOG_LINE, "plain text from a println", blob, logLine("not finished yet"));
        assertThat(output.logEvents()).extracting(line -> line.get("message").asText())
                .containsExactly("Order accepted", "not finished yet");
        List<JsonNode> blobs = output.emfBlobs();
        assertThat(blobs).singleElement().satisfies(parsed -> assertThat(parsed.get("OrderPlaced").asInt()).isEqualTo(1));
    }

    @Test
    void includesWhatBeforeEachPrintedUntilCleared(CapturedOutput output) {
        assertThat(output.lines()).containsExactly("printed by @BeforeEach");
        output.clear();
        assertThat(output.lines()).isEmpty();
    }

    @Test
    void aDuplicateMemberIsAnError(CapturedOutput output) {
        System.out.println(logLine("a").replace("}", ",\"message\":\"forged\"}"));

        assertThatThrownBy(output::logEvents).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Duplicate field 'message'");
    }

    @Test
    void aLogLineCountsInBytesAsWritten(CapturedOutput output) {
        // 'é' is two bytes in UTF-8: the line is under the limit in characters, over it in bytes.
        String line = logLine("é".repeat(LogLineValidator.MAX_LINE_BYTES / 2));
        System.out.println(line);

        assertThat(line.length()).isLessThan(LogLineValidator.MAX_LINE_BYTES);
        assertThatThrownBy(output::logEvents).isInstanceOf(AssertionError.class)
                .hasMessageContaining("line has " + line.getBytes(StandardCharsets.UTF_8).length + " bytes as UTF-8")
                .hasMessageContaining("at most " + LogLineValidator.MAX_LINE_BYTES);
    }

    @Test
    void aLogLineWithoutTheMembersEveryLineHasIsAnError(CapturedOutput output) {
        System.out.println("{\"level\":\"INFO\",\"message\":\"no timestamp, logger or service\"}");

        assertThatThrownBy(output::logEvents).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Invalid log line")
                .hasMessageContaining("timestamp");
    }

    @Test
    void anInvalidEmfBlobFailsTheReadWithTheBrokenRule(CapturedOutput output) {
        System.out.println(emf(System.currentTimeMillis()).replace(",\"OrderPlaced\":1", ""));

        assertThatThrownBy(output::emfBlobs).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Invalid EMF blob")
                .hasMessageContaining("OrderPlaced");
    }

    @Test
    void linesWrittenByManyThreadsStayWhole(CapturedOutput output) throws InterruptedException {
        output.clear();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    System.out.println(logLine("thread " + thread + " line " + i));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(output.logEvents()).hasSize(1600)
                .extracting(line -> line.get("message").asText()).doesNotHaveDuplicates();
    }

    @Test
    void withoutJUnitCapturesNestAndPutSystemOutBack() {
        PrintStream before = System.out;
        try (CapturedOutput outer = CapturedOutput.start()) {
            System.out.println("outer");
            try (CapturedOutput inner = CapturedOutput.start()) {
                System.out.println("inner");
                assertThat(inner.lines()).containsExactly("inner");
            }
            System.out.println("outer again");
            // While the inner capture is open it takes the lines; the outer one gets them again after.
            assertThat(outer.lines()).containsExactly("outer", "outer again");
            assertThat(new String(outer.bytes(), StandardCharsets.UTF_8)).isEqualTo("outer\nouter again\n");
        }
        assertThat(System.out).isSameAs(before);
    }

    @Test
    void theExtensionPutsSystemOutBackAfterEachTest() {
        PrintStream before = System.out;

        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(PrintsAndFails.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));

        assertThat(System.out).isSameAs(before);
    }

    /** Run only through the engine above (surefire does not pick up nested classes). */
    @ExtendWith(OutputCaptureExtension.class)
    static class PrintsAndFails {

        @Test
        void prints(CapturedOutput output) {
            System.out.println("x");
            assertThat(output.lines()).containsExactly("x");
        }

        @Test
        void fails(CapturedOutput output) {
            System.out.println("y");
            throw new IllegalStateException("a failing test still gets System.out back");
        }
    }
}
