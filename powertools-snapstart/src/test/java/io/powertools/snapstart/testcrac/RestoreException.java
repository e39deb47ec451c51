package io.powertools.snapstart.testcrac;

/** Test CRaC implementation: the restore failed; the causes are suppressed exceptions. */
public class RestoreException extends Exception {

    /** Creates the exception. */
    public RestoreException() {
        super("restore failed");
    }
}
