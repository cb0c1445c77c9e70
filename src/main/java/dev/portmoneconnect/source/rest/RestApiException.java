package dev.portmoneconnect.source.rest;

/** The orders API refused a call, kept failing, or answered something that is not a list of orders. */
public class RestApiException extends RuntimeException {

    public RestApiException(String message) {
        super(message);
    }

    public RestApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
