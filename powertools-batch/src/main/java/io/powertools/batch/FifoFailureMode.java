package io.powertools.batch;

/** How an SQS FIFO batch continues after a message failed; either way order within a group holds. */
public enum FifoFailureMode {

    /**
     * Stop at the first failure: the failed message and every message not yet processed are
     * reported, whatever their group (the default, and what Lambda documents for FIFO queues).
     */
    STOP_AT_FIRST_FAILURE,

    /**
     * Skip only the failed message's group: the failed message and the later messages of its
     * group are reported unprocessed, while messages of other groups keep being processed.
     */
    SKIP_FAILED_GROUP
}
