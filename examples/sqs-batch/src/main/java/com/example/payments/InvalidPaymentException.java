package com.example.payments;

/** A payment message that can never succeed as sent: it fails its record (and ends in the DLQ). */
public final class InvalidPaymentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the payment
     */
    public InvalidPaymentException(String message) {
        super(message);
    }
}
