package io.powertools.idempotency;

import io.powertools.idempotency.persistence.IdempotencyRecord;

/**
 * Changes a replayed response before it is returned, for example to add a header telling the
 * client it got a stored answer. Called only for duplicates, never for the first execution.
 */
@FunctionalInterface
public interface ResponseHook {

    /**
     * Adjusts a replayed response.
     *
     * @param response the stored response, deserialized; may be null
     * @param record the record it came from
     * @return the response to return
     */
    Object onReplay(Object response, IdempotencyRecord record);
}
