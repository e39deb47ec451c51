package io.powertools.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.powertools.testing.FunctionError;
import io.powertools.testing.InvocationResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lambda Runtime API (base path {@code /2018-06-01}) on a loopback port: serves
 * {@code /runtime/invocation/next} from an {@link InvocationQueue}, completes invocations from
 * {@code /response} and {@code /error}, and reports init and restore errors to a {@link Listener}.
 */
public final class RuntimeApiServer implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime/";
    private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    /** Receives the events that are not answers to one invocation. */
    public interface Listener {

        /**
         * Called when the function posts {@code /runtime/init/error}.
         *
         * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, or {@code null}
         * @param body the error body
         */
        void onInitError(String errorType, String body);

        /**
         * Called when the function posts {@code /runtime/restore/error} (SnapStart).
         *
         * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, or {@code null}
         * @param body the error body
         */
        void onRestoreError(String errorType, String body);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final InvocationQueue queue;
    private final Listener listener;
    private final String invokedFunctionArn;
    private final AtomicInteger restoreCount = new AtomicInteger();

    private RuntimeApiServer(HttpServer server, ExecutorService executor, InvocationQueue queue, Listener listener,
            String invokedFunctionArn) {
        this.server = server;
        this.executor = executor;
        this.queue = queue;
        this.listener = listener;
        this.invokedFunctionArn = invokedFunctionArn;
    }

    /**
     * Starts a server on 127.0.0.1 and a free port.
     *
     * @param queue where invocations come from and answers go to
     * @param listener receives init and restore errors
     * @param invokedFunctionArn the ARN sent with every invocation
     * @return the running server
     * @throws IOException if the port cannot be bound
     */
    public static RuntimeApiServer start(InvocationQueue queue, Listener listener, String invokedFunctionArn)
            throws IOException {
        // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to every /next answer
        // (headers and body go out in separate writes). The JDK server reads this flag once, at its
        // first use in the JVM; an explicit setting by the user is respected.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Cached: every handler thread of the function holds one server thread in its /next long poll.
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        RuntimeApiServer api = new RuntimeApiServer(server, executor, queue, listener, invokedFunctionArn);
        server.createContext(BASE, api::handle);
        server.start();
        return api;
    }

    /**
     * Returns the address to put in {@code AWS_LAMBDA_RUNTIME_API}.
     *
     * @return {@code 127.0.0.1:<port>}
     */
    public String address() {
        return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /**
     * Returns how many times the function called {@code /runtime/restore/next}.
     *
     * @return the number of restore polls
     */
    public int restoreCount() {
        return restoreCount.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath().substring(BASE.length());
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && "invocation/next".equals(path)) {
                next(exchange);
            } else if ("POST".equals(method) && path.startsWith("invocation/") && path.endsWith("/response")) {
                response(exchange, path.substring("invocation/".length(), path.length() - "/response".length()));
            } else if ("POST".equals(method) && path.startsWith("invocation/") && path.endsWith("/error")) {
                error(exchange, path.substring("invocation/".length(), path.length() - "/error".length()));
            } else if ("POST".equals(method) && "init/error".equals(path)) {
                listener.onInitError(errorTypeHeader(exchange), body(exchange));
                accept(exchange);
            } else if ("GET".equals(method) && "restore/next".equals(path)) {
                restoreCount.incrementAndGet();
                send(exchange, 200, new byte[0]);
            } else if ("POST".equals(method) && "restore/error".equals(path)) {
                listener.onRestoreError(errorTypeHeader(exchange), body(exchange));
                accept(exchange);
            } else {
                send(exchange, 404, ("{\"errorMessage\":\"Unknown runtime API path " + method + " " + path + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
            }
        } finally {
            exchange.close();
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        PendingInvocation invocation;
        try {
            invocation = queue.next();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            invocation = null;
        }
        if (invocation == null) {
            // The runtime failed or closed; the child is being stopped, so no retry will come.
            send(exchange, 500, "{\"errorMessage\":\"local runtime stopped\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.request().requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadline().toEpochMilli()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invokedFunctionArn);
        headers.set("Lambda-Runtime-Trace-Id", invocation.request().traceId());
        invocation.request().tenantId().ifPresent(tenant -> headers.set("lambda-runtime-aws-tenant-id", tenant));
        send(exchange, 200, invocation.request().payload().getBytes(StandardCharsets.UTF_8));
    }

    private void response(HttpExchange exchange, String requestId) throws IOException {
        String body = body(exchange);
        PendingInvocation invocation = queue.unanswered(requestId);
        if (invocation != null) {
            invocation.future().complete(
                    InvocationResult.success(invocation.request(), invocation.deadline(), body, latency(invocation)));
        }
        // Late answers (after a timeout) are accepted too: the function did nothing wrong by sending them.
        accept(exchange);
    }

    private void error(HttpExchange exchange, String requestId) throws IOException {
        FunctionError error = parseError(errorTypeHeader(exchange), body(exchange));
        PendingInvocation invocation = queue.unanswered(requestId);
        if (invocation != null) {
            invocation.future().complete(
                    InvocationResult.failure(invocation.request(), invocation.deadline(), error, latency(invocation)));
        }
        accept(exchange);
    }

    /**
     * Reads the body the runtime client posts for an error: JSON with {@code errorType} and
     * {@code errorMessage}, falling back to the header and the raw text.
     *
     * @param headerType the {@code Lambda-Runtime-Function-Error-Type} header, or {@code null}
     * @param body the raw body
     * @return the parsed error
     */
    public static FunctionError parseError(String headerType, String body) {
        String type = headerType;
        String message = body;
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.isObject()) {
                if (json.hasNonNull("errorType")) {
                    type = json.get("errorType").asText();
                }
                message = json.hasNonNull("errorMessage") ? json.get("errorMessage").asText() : null;
            }
        } catch (IOException notJson) {
            // Keep the raw body as the message.
        }
        return new FunctionError(type, message, body);
    }

    private static Duration latency(PendingInvocation invocation) {
        return Duration.ofNanos(System.nanoTime() - invocation.queuedNanos());
    }

    private static String errorTypeHeader(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void accept(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, 202, ACCEPTED);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "local-lambda-runtime-api-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops listening and ends the server threads; polls still waiting return at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
