package com.example.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The function through a SnapStart init on the real Lambda Java runtime client: the CRaC
 * beforeCheckpoint hooks prime classes and run the handler 3 times, the runtime restores, the
 * afterRestore hooks run, then real requests arrive.
 */
class SnapStartRuntimeTest {

    private static final int REQUESTS = 5;

    @Test
    void primesBeforeTheSnapshotAndRefreshesAfterTheRestore() {
        List<InvocationRequest> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(InvocationRequest.of(Json.write(Map.of("httpMethod", "POST", "path", "/quotes",
                    "requestContext", Map.of("requestId", "api-" + i),
                    "body", "{\"destination\":\"FR\",\"items\":[{\"sku\":\"S\",\"quantity\":1,\"weightGrams\":2500}]}"))));
        }
        List<InvocationResult> results;
        List<JsonNode> lines;
        int restores;
        try (LocalLambdaRuntime function = LocalLambdaRuntime.builder()
                .handler("com.example.quotes.QuotesHandler::handleRequest")
                .functionName("quotes")
                .snapStart(true)
                .jvmArgs("-Dlog4j2.configurationFile=classpath:log4j2.xml")
                .environment("POWERTOOLS_SERVICE_NAME", "quotes")
                .start()) {
            results = function.invokeAll(requests);
            restores = function.restoreCount();
            lines = function.stdoutLines().stream().filter(line -> line.indexOf('{') >= 0 && line.endsWith("}"))
                    .map(line -> Json.parse(line.substring(line.indexOf('{')))).collect(Collectors.toList());
        }

        assertThat(restores).isEqualTo(1);
        for (InvocationResult result : results) {
            JsonNode response = Json.parse(result.response());
            assertThat(response.get("statusCode").asInt()).isEqualTo(200);
            assertThat(Json.parse(response.get("body").asText()).get("priceCents").asLong()).isEqualTo(549 + 3 * 130);
        }
        // The priming summary: the function's class list was loaded and the handler ran 3 times.
        assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asText())
                .startsWith("SnapStart priming done").contains("3 priming invocations, 0 hazards"));
        // The priming invocations ran the handler (request ids snapstart-priming-quotes-<run>), but wrote
        // no log line: <PowertoolsLevelFilter/> in log4j2.xml drops the lines of priming invocations.
        assertThat(lines).noneSatisfy(line -> assertThat(line.path("function_request_id").asText())
                .startsWith("snapstart-priming"));
        List<JsonNode> real = messages(lines, "Quote issued");
        assertThat(real).hasSize(REQUESTS);
        // Metrics wrote nothing while priming; the first real invocation after the restore is the cold start.
        List<JsonNode> blobs = lines.stream().filter(line -> line.has("_aws")).collect(Collectors.toList());
        assertThat(blobs).noneSatisfy(blob -> assertThat(blob.path("function_request_id").asText())
                .startsWith("snapstart-priming"));
        assertThat(blobs.stream().filter(blob -> blob.has("ColdStart")))
                .singleElement().satisfies(blob -> assertThat(blob.get("function_request_id").asText())
                        .isEqualTo(requests.get(0).requestId()));
        assertThat(real.stream().filter(line -> line.path("cold_start").asBoolean())).hasSize(1);
        // The environment id was made after the restore and tags every line of the restored environment.
        assertThat(real).allSatisfy(line -> assertThat(line.path("environment_id").asText()).hasSize(36));
        assertThat(real.stream().map(line -> line.get("environment_id").asText()).distinct()).hasSize(1);
    }

    private static List<JsonNode> messages(List<JsonNode> lines, String message) {
        return lines.stream().filter(line -> message.equals(line.path("message").asText())).collect(Collectors.toList());
    }
}
