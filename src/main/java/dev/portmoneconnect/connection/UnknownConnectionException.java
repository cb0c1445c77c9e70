package dev.portmoneconnect.connection;

import dev.portmoneconnect.reasons.Reasons;

import java.util.Map;

/** No started route declares this connection. */
public class UnknownConnectionException extends RuntimeException {

    public UnknownConnectionException(String connectionId) {
        this(connectionId, Reasons.english("refusal.unknown", Map.of("connection", connectionId)));
    }

    protected UnknownConnectionException(String connectionId, String message) {
        super(message);
    }
}
