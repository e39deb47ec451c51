package com.example.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.payments.SqsEvents.Message;
import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.json.Json;
import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.InvocationRequest;
import io.powertools.testing.InvocationResult;
import io.powertools.testing.LocalLambdaRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link PaymentsHandler} on the real Lambda Java runtime client, 4 batches at a time: the response
 * reports exactly the poison messages, a redelivered batch charges nothing twice, and the worker
 * threads' log lines carry their invocation's request id.
 */
class PaymentsRuntimeTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    private static final int BATCHES = 6;
    private static final int BATCH_SIZE = 10;

    @BeforeAll
    static void createTables() {
        LocalFunctions.createTables(DYNAMO);
    }

    @Test
    void reportsExactlyThePoisonMessages() {
        List<InvocationRequest> requests = new ArrayList<>();
        Set<String> poison = new TreeSet<>();
        List<Message> good = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < BATCH_SIZE - 1; i++) {
                Message message = Message.of("m-" + b + "-" + i, SqsEvents.payment("p-" + b + "-" + i, "o-" + b, 500));
                batch.add(message);
                good.add(message);
            }
            String poisonId = "m-" + b + "-poison";
            batch.add(Message.of(poisonId, b % 2 == 0 ? "{not json" : SqsEvents.payment("p-" + b + "-bad", "o-" + b, 0)));
            poison.add(poisonId);
            requests.add(InvocationRequest.of(SqsEvents.json(SqsEvents.STANDARD_ARN, batch)));
        }
        List<Message> redelivery = good.subList(0, BATCH_SIZE);

        List<InvocationResult> results;
        List<InvocationResult> redelivered;
        List<String> stdout;
        try (LocalLambdaRuntime function = LocalFunctions.function("com.example.payments.PaymentsHandler::handleRequest",
                DYNAMO).maxConcurrency(4).start()) {
            results = function.invokeAll(requests);
            redelivered = function.invokeAll(List.of(
                    InvocationRequest.of(SqsEvents.json(SqsEvents.STANDARD_ARN, redelivery))));
            List<InvocationResult> all = new ArrayList<>(results);
            all.addAll(redelivered);
            stdout = function.stdoutLines();
        }

        Set<String> reported = results.stream()
                .flatMap(result -> Json.parse(result.response()).get("batchItemFailures").findValuesAsText("itemIdentifier")
                        .stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(reported).isEqualTo(poison);
        assertThat(Json.parse(redelivered.get(0).response()).get("batchItemFailures")).isEmpty();
        assertThat(LocalFunctions.count(DYNAMO, LocalFunctions.PAYMENTS_TABLE)).isEqualTo(good.size());

        List<JsonNode> lines = stdout.stream().filter(line -> line.indexOf('{') >= 0 && line.endsWith("}"))
                .map(line -> Json.parse(line.substring(line.indexOf('{')))).collect(Collectors.toList());
        assertThat(lines.stream().filter(line -> "Duplicate payment skipped".equals(line.path("message").asText())))
                .hasSize(BATCH_SIZE);
        // Charged on worker threads, logged with the request id of the invocation whose batch held the message.
        Set<String> requestIds = results.stream().map(result -> result.request().requestId()).collect(Collectors.toSet());
        List<JsonNode> charged = lines.stream().filter(line -> "Payment charged".equals(line.path("message").asText()))
                .collect(Collectors.toList());
        assertThat(charged).hasSize(good.size());
        for (JsonNode line : charged) {
            int batch = Integer.parseInt(line.get("messageId").asText().split("-")[1]);
            assertThat(line.get("function_request_id").asText()).isEqualTo(requests.get(batch).requestId())
                    .isIn(requestIds);
        }
    }
}
