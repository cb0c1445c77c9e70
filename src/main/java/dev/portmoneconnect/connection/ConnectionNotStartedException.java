package dev.portmoneconnect.connection;

import dev.portmoneconnect.reasons.Reasons;

import java.util.Map;

/** A route file declares this connection, but its route did not start: nothing can run it until the file is fixed. */
public class ConnectionNotStartedException extends UnknownConnectionException {

    private final transient StartFailure failure;

    public ConnectionNotStartedException(StartFailure failure) {
        super(failure.connectionId(), Reasons.english("refusal.notStarted", Map.of("connection", failure.connectionId(),
                "file", failure.file(), "reason", failure.reason())));
        this.failure = failure;
    }

    public StartFailure failure() {
        return failure;
    }
}
