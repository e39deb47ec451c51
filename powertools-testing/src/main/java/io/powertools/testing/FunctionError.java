package io.powertools.testing;

import java.util.Objects;

/**
 * The error the function reported for one invocation through {@code POST /runtime/invocation/{id}/error},
 * for example because the handler threw.
 *
 * @param errorType the error type, e.g. the exception class name, or the value of the
 *     {@code Lambda-Runtime-Function-Error-Type} header when the body has none
 * @param errorMessage the error message, or the raw body when the body is not the usual JSON
 * @param rawBody the body exactly as the runtime client posted it (JSON with
 *     {@code errorMessage}, {@code errorType} and {@code stackTrace})
 */
public record FunctionError(String errorType, String errorMessage, String rawBody) {

    /**
     * Validates the components.
     *
     * @param errorType the error type
     * @param errorMessage the error message
     * @param rawBody the raw body
     */
    public FunctionError {
        Objects.requireNonNull(rawBody, "rawBody");
    }
}
