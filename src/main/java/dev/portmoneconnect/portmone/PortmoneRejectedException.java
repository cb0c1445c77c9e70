package dev.portmoneconnect.portmone;

/** Portmone answered with an error: sending the same request again would fail the same way. */
public class PortmoneRejectedException extends PortmoneException {

    public PortmoneRejectedException(String errorCode, String message) {
        super(errorCode, message, false);
    }
}
