package dev.portmoneconnect.portmone;

import dev.portmoneconnect.flow.RecordFailure;

/**
 * Portmone did not create the invoice. Carries Portmone's own error code and message when it gave
 * them, and whether trying again later can help.
 */
public class PortmoneException extends RuntimeException implements RecordFailure {

    private final String errorCode;
    private final boolean transientFailure;

    public PortmoneException(String errorCode, String message, boolean transientFailure) {
        super(message);
        this.errorCode = errorCode;
        this.transientFailure = transientFailure;
    }

    public String errorCode() {
        return errorCode;
    }

    @Override
    public String code() {
        return errorCode;
    }

    @Override
    public boolean isTransient() {
        return transientFailure;
    }
}
