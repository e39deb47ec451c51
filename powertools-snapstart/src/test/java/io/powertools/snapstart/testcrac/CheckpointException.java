package io.powertools.snapstart.testcrac;

/** Test CRaC implementation: the checkpoint failed; the causes are suppressed exceptions. */
public class CheckpointException extends Exception {

    /** Creates the exception. */
    public CheckpointException() {
        super("checkpoint failed");
    }
}
