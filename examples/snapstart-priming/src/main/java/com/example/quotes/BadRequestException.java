package com.example.quotes;

/**
 * The request cannot be processed as sent; answered with HTTP 400 and the message, which says
 * which field is wrong and what is expected.
 */
public final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param field the JSON path of the offending field, or {@code null} for the body as a whole
     * @param message what is wrong and what is expected
     */
    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * The offending field.
     *
     * @return its JSON path, or {@code null} for the body as a whole
     */
    public String field() {
        return field;
    }
}
