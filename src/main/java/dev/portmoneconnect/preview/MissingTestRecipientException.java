package dev.portmoneconnect.preview;

/**
 * A test send of a connection's own pending record names no tester to deliver to: that record's payer
 * is a real customer, who must never get a test.
 */
public class MissingTestRecipientException extends RuntimeException {

    public MissingTestRecipientException(String message) {
        super(message);
    }
}
