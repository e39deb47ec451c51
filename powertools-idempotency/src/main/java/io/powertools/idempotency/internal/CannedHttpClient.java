package io.powertools.idempotency.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that never opens a connection: each request gets the next queued answer.
 * SnapStart priming runs the DynamoDB client's whole request path (marshalling, endpoint
 * resolution, signing, response and error unmarshalling) against it, so nothing reaches a table.
 * Single-threaded use only (priming).
 */
final class CannedHttpClient implements SdkHttpClient {

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<String> targets = new ArrayList<>();

    /** An HTTP status and JSON body. */
    private record Answer(int status, String body) {
    }

    /**
     * Queues the answer to the next request.
     *
     * @param status the HTTP status
     * @param json the body
     * @return this client
     */
    CannedHttpClient answer(int status, String json) {
        answers.add(new Answer(status, json));
        return this;
    }

    /**
     * The operations requested so far ({@code X-Amz-Target}, e.g. {@code DynamoDB_20120810.PutItem}).
     *
     * @return the targets, in order
     */
    List<String> targets() {
        return List.copyOf(targets);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        targets.add(request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("?"));
        Answer answer = answers.poll();
        if (answer == null) {
            throw new IllegalStateException("No canned answer left for " + targets.get(targets.size() - 1));
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder()
                                .statusCode(answer.status())
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(body.length))
                                .putHeader("x-amzn-RequestId", "powertools-priming")
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
                // Nothing in flight.
            }
        };
    }

    @Override
    public String clientName() {
        return "PowertoolsPrimingCanned";
    }

    @Override
    public void close() {
        answers.clear();
    }
}
