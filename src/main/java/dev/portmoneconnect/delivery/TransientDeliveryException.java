package dev.portmoneconnect.delivery;

/** The mail server or SMS gateway may accept the message later. */
public class TransientDeliveryException extends DeliveryException {

    public TransientDeliveryException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
