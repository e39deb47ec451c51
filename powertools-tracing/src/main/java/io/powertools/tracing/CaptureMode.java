package io.powertools.tracing;

/** What {@link Tracing} records of a traced method's outcome, with Powertools' constant names. */
public enum CaptureMode {
    /** As {@code POWERTOOLS_TRACER_CAPTURE_RESPONSE} and {@code POWERTOOLS_TRACER_CAPTURE_ERROR} say (both default true). */
    ENVIRONMENT_VAR,
    /** The response as metadata, not the error's details. */
    RESPONSE,
    /** The error's type, message and stack as the cause, not the response. */
    ERROR,
    /** Both. */
    RESPONSE_AND_ERROR,
    /** Neither (a failure still marks the subsegment {@code fault}). */
    DISABLED
}
