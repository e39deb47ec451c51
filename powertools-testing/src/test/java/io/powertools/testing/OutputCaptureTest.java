package io.powertools.testing;

import static io.powertools.testing.RuntimeTestSupport.ECHO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** After close(), stdoutLines() holds everything the function printed, including its last lines. */
@Timeout(60)
class OutputCaptureTest {

    @Test
    void closeReadsTheChildsOutputToTheEnd() {
        List<InvocationRequest> requests = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            requests.add(InvocationRequest.of("{\"index\":" + i + "}"));
        }
        LocalLambdaRuntime runtime = LocalLambdaRuntime.builder().handler(ECHO).maxConcurrency(4).start();
        try {
            assertThat(runtime.invokeAll(requests)).allMatch(InvocationResult::isSuccess);
        } finally {
            runtime.close();
        }

        List<String> lines = runtime.stdoutLines();
        for (InvocationRequest request : requests) {
            assertThat(lines).as("the line printed for " + request.requestId())
                    .anyMatch(line -> line.endsWith("echo-handler request " + request.requestId()));
        }
    }
}
