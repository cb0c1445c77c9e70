package dev.portmoneconnect.delivery;

/** A message with the payment link could not be delivered. */
public abstract class DeliveryException extends RuntimeException {

    private final String code;

    protected DeliveryException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
