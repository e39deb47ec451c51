package io.powertools.core.json;

/**
 * A JMESPath expression that compiled but could not be evaluated on the given data, for example
 * {@code powertools_json(body)} where the body is not JSON. The message names the expression.
 */
public final class JsonPathException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the expression
     * @param cause the underlying failure
     */
    public JsonPathException(String message, Throwable cause) {
        super(message, cause);
    }
}
