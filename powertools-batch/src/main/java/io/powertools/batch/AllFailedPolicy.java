package io.powertools.batch;

/** What a processor does when no record of a non-empty batch succeeded. */
public enum AllFailedPolicy {

    /**
     * Return every record as a failed item (the default). Lambda retries them all, as it would
     * after an exception, but the function invocation itself counts as successful.
     */
    REPORT_ALL,

    /**
     * Throw a {@link BatchFailedException}, so the invocation fails visibly (error metrics,
     * alarms, on-failure destinations) and Lambda retries the whole batch.
     */
    THROW
}
