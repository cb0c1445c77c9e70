package dev.portmoneconnect.delivery;

/** The message will never be accepted as it is, for example because the recipient does not exist. */
public class PermanentDeliveryException extends DeliveryException {

    public PermanentDeliveryException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
