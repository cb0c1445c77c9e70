package dev.portmoneconnect.portmone;

/** Portmone could not be reached or answered with a server error: worth trying again. */
public class PortmoneUnavailableException extends PortmoneException {

    public PortmoneUnavailableException(String errorCode, String message) {
        super(errorCode, message, true);
    }
}
