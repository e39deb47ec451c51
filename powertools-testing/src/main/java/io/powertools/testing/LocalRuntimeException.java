package io.powertools.testing;

/**
 * Thrown, or used to complete an invocation exceptionally, when the {@link LocalLambdaRuntime}
 * cannot deliver a result: the function failed to initialise, the child JVM exited or could not
 * start, an invocation got no answer in time, or the runtime was closed. The message names the
 * cause and carries the last lines the child JVM printed.
 *
 * <p>A handler that throws is not such a failure: its error comes back as an
 * {@link InvocationResult} with a {@link FunctionError}, as on Lambda.
 */
public class LocalRuntimeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong and what to do about it
     */
    public LocalRuntimeException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public LocalRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
