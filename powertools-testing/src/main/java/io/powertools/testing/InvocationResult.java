package io.powertools.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the function answered to one {@link InvocationRequest}: either a response body or a
 * {@link FunctionError}. Immutable.
 */
public final class InvocationResult {

    private final InvocationRequest request;
    private final Instant deadline;
    private final String response;
    private final FunctionError error;
    private final Duration latency;

    private InvocationResult(InvocationRequest request, Instant deadline, String response, FunctionError error,
            Duration latency) {
        this.request = Objects.requireNonNull(request, "request");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.response = response;
        this.error = error;
        this.latency = Objects.requireNonNull(latency, "latency");
    }

    /**
     * Creates a successful result.
     *
     * @param request the request that was sent
     * @param deadline the deadline that was sent with it
     * @param response the response body, not null
     * @param latency time from queueing the request to receiving the response
     * @return a new result
     */
    public static InvocationResult success(InvocationRequest request, Instant deadline, String response,
            Duration latency) {
        return new InvocationResult(request, deadline, Objects.requireNonNull(response, "response"), null, latency);
    }

    /**
     * Creates a failed result.
     *
     * @param request the request that was sent
     * @param deadline the deadline that was sent with it
     * @param error the error the function reported, not null
     * @param latency time from queueing the request to receiving the error
     * @return a new result
     */
    public static InvocationResult failure(InvocationRequest request, Instant deadline, FunctionError error,
            Duration latency) {
        return new InvocationResult(request, deadline, null, Objects.requireNonNull(error, "error"), latency);
    }

    /**
     * Returns the request this result answers.
     *
     * @return the request as sent
     */
    public InvocationRequest request() {
        return request;
    }

    /**
     * Returns the deadline sent to the function as {@code Lambda-Runtime-Deadline-Ms}.
     *
     * @return the deadline
     */
    public Instant deadline() {
        return deadline;
    }

    /**
     * Tells whether the function answered with a response rather than an error.
     *
     * @return {@code true} for a response, {@code false} for an error
     */
    public boolean isSuccess() {
        return error == null;
    }

    /**
     * Returns the response body of a successful invocation.
     *
     * @return the response body, as UTF-8 text
     * @throws IllegalStateException if the function reported an error; the message carries it
     */
    public String response() {
        if (error != null) {
            throw new IllegalStateException("Invocation " + request.requestId() + " failed with "
                    + error.errorType() + ": " + error.errorMessage() + handlerHint() + "; use error() to inspect failures");
        }
        return response;
    }

    private String handlerHint() {
        // The runtime client reports an unloadable handler on every invocation rather than at init.
        boolean handlerNotLoaded = "java.lang.ClassNotFoundException".equals(error.errorType())
                || "Runtime.BadFunctionCode".equals(error.errorType());
        return handlerNotLoaded
                ? " (the runtime client could not load the handler: check the handler name and the class path)"
                : "";
    }

    /**
     * Returns the error of a failed invocation.
     *
     * @return the error, or empty when the invocation succeeded
     */
    public Optional<FunctionError> error() {
        return Optional.ofNullable(error);
    }

    /**
     * Returns the time from queueing the request to receiving the answer, including any wait for a
     * free handler thread.
     *
     * @return the latency
     */
    public Duration latency() {
        return latency;
    }

    @Override
    public String toString() {
        return "InvocationResult[requestId=" + request.requestId()
                + (error == null ? ", response=" + response : ", error=" + error)
                + ", latency=" + latency + "]";
    }
}
