package io.powertools.logging;

/**
 * The body of a handler call run by {@link PowertoolsLogging#withLogging}.
 *
 * @param <T> the result type
 * @param <X> the checked exception the body may throw ({@code RuntimeException} when none)
 */
@FunctionalInterface
public interface HandlerCall<T, X extends Throwable> {

    /**
     * Runs the handler's work.
     *
     * @return the response
     * @throws X when the work fails
     */
    T call() throws X;
}
