package io.powertools.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The WARN line of a failed record is bounded: a short stack trace (depth configurable) and
 * shortened messages, so a poison batch cannot flood the log however deep or long its exceptions are.
 */
class FailureLogTest {

    /** The most a failure line may cost as a console pattern renders it. */
    private static final int LINE_LIMIT = 4096;

    /** An exception {@code depth} frames deeper than the caller, with a long message and a long cause. */
    private static RuntimeException deepFailure(int depth, String message) {
        if (depth > 0) {
            return deepFailure(depth - 1, message);
        }
        return new IllegalStateException(message,
                new UncheckedIOException(new IOException("connection reset " + "r".repeat(5_000))));
    }

    private static int frames(String rendered) {
        return rendered.split("\tat ", -1).length - 1;
    }

    private static int bytes(String rendered) {
        return rendered.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void theDefaultLineShowsAShortStackTraceAndShortenedMessages() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> {
            throw deepFailure(400, "cannot ship " + "x".repeat(100_000));
        });

        try (CapturedLogs logs = CapturedLogs.capture()) {
            processor.process(Events.sqs(List.of(Events.message("poison-1", "{}"))));

            assertThat(logs.lines()).singleElement().satisfies(line -> {
                assertThat(line.level().name()).isEqualTo("WARN");
                assertThat(bytes(line.rendered())).isLessThanOrEqualTo(LINE_LIMIT);
                assertThat(line.rendered()).contains("SQS record poison-1 failed")
                        .contains("java.lang.IllegalStateException: cannot ship xxx")
                        .contains("characters cut")
                        .contains("UncheckedIOException").contains("IOException: connection reset")
                        .contains("more frames");
                assertThat(frames(line.rendered())).isEqualTo(BatchProcessorBuilder.DEFAULT_FAILURE_STACK_TRACE_DEPTH);
            });
        }
    }

    @Test
    void theStackTraceDepthIsConfigurable() {
        for (int depth : new int[] {0, 1, 40}) {
            SqsBatchProcessor processor = SqsBatchProcessor.builder().failureStackTraceDepth(depth)
                    .build(message -> {
                        throw deepFailure(400, "boom");
                    });
            try (CapturedLogs logs = CapturedLogs.capture()) {
                processor.process(Events.sqs(List.of(Events.message("m", "{}"))));
                assertThat(logs.lines()).singleElement()
                        .satisfies(line -> assertThat(frames(line.rendered())).as("depth %d", depth).isEqualTo(depth));
            }
        }
        assertThatThrownBy(() -> SqsBatchProcessor.builder().failureStackTraceDepth(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failureStackTraceDepth(-1)");
        assertThatThrownBy(() -> KinesisBatchProcessor.builder().failureStackTraceDepth(10_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 and 1024");
    }

    @Test
    void aHookThatThrowsIsLoggedWithTheSameBound() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder()
                .onFailure((message, cause) -> {
                    throw deepFailure(300, "hook " + "h".repeat(50_000));
                })
                .onSuccess(message -> {
                    throw deepFailure(300, "success hook " + "s".repeat(50_000));
                })
                .build(message -> {
                    if (message.getMessageId().startsWith("bad")) {
                        throw deepFailure(300, "bad");
                    }
                });
        try (CapturedLogs logs = CapturedLogs.capture()) {
            processor.process(Events.sqs(List.of(Events.message("bad-1", "{}"), Events.message("good-1", "{}"))));
            assertThat(logs.lines()).hasSize(3).allSatisfy(line -> {
                assertThat(bytes(line.rendered())).isLessThanOrEqualTo(LINE_LIMIT);
                assertThat(frames(line.rendered())).isEqualTo(BatchProcessorBuilder.DEFAULT_FAILURE_STACK_TRACE_DEPTH);
            });
            assertThat(logs.messages()).anyMatch(m -> m.contains("failure hook threw for SQS record bad-1"))
                    .anyMatch(m -> m.contains("success hook threw for SQS record good-1"));
        }
    }

    @Test
    void anExceptionWhoseMessageThrowsStillGetsItsLine() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().build(message -> {
            throw new IllegalStateException() {
                @Override
                public String getMessage() {
                    throw new UnsupportedOperationException("broken getMessage");
                }
            };
        });
        try (CapturedLogs logs = CapturedLogs.capture()) {
            assertThat(Events.ids(processor.process(Events.sqs(List.of(Events.message("odd", "{}"))))
                    .getBatchItemFailures())).containsExactly("odd");
            assertThat(logs.messages()).singleElement().asString()
                    .contains("SQS record odd failed").contains("<getMessage() threw java.lang.UnsupportedOperationException>");
        }
    }

    @Test
    void aPoisonBatchCannotFloodTheLog() {
        SqsBatchProcessor processor = SqsBatchProcessor.builder().parallel(4).build(message -> {
            if (message.getMessageId().endsWith("-odd")) {
                throw deepFailure(120, "poison " + message.getMessageId());
            }
        });
        long total = 0;
        int failureLines = 0;
        try (CapturedLogs logs = CapturedLogs.capture()) {
            for (int b = 0; b < 500; b++) {
                List<SQSMessage> batch = new ArrayList<>();
                for (int m = 0; m < 10; m++) {
                    batch.add(Events.message("b" + b + "-m" + m + (m % 2 == 1 ? "-odd" : "-even"), "{}"));
                }
                assertThat(processor.process(Events.sqs(batch)).getBatchItemFailures()).hasSize(5);
                for (CapturedLogs.Line line : logs.lines()) {
                    int size = bytes(line.rendered());
                    assertThat(size).isLessThanOrEqualTo(LINE_LIMIT);
                    total += size;
                    failureLines++;
                }
                logs.lines().clear();
            }
        }
        assertThat(failureLines).isEqualTo(2_500);
        // 2,500 failed records 120 frames deep: full stack traces made this about 50 MB.
        assertThat(total).isLessThan(2_500L * 2048);
    }
}
