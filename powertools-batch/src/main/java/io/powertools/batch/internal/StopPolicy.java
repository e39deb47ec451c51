package io.powertools.batch.internal;

/** What happens to the rest of a batch after a record failed. */
public enum StopPolicy {
    /** Independent records (standard SQS, streams): every record is processed. */
    CONTINUE,
    /** FIFO, skip the group: the failed record's group stops; other groups go on. */
    SKIP_GROUP,
    /** FIFO default: nothing new starts after the first failure. */
    STOP_ALL
}
