package dev.portmoneconnect.delivery;

import dev.portmoneconnect.flow.RecordFailure;

/** A message with the payment link could not be delivered. */
public abstract class DeliveryException extends RuntimeException implements RecordFailure {

    private final String code;

    protected DeliveryException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
