package dev.portmoneconnect.connection;

/** No started route declares this connection. */
public class UnknownConnectionException extends RuntimeException {

    public UnknownConnectionException(String connectionId) {
        super("No connection '" + connectionId + "'");
    }
}
