package io.powertools.snapstart;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * The handler call a priming invocation makes; usually a method reference to the handler,
 * {@code handler::handleRequest}.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface PrimingHandler<E> {

    /**
     * Calls the handler once.
     *
     * @param event the dummy event
     * @param context the priming context (its request id starts with {@code snapstart-priming-})
     * @return whatever the handler returns; ignored
     * @throws Exception when the handler fails; it fails the checkpoint
     */
    Object handle(E event, Context context) throws Exception;
}
