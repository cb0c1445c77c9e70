package dev.portmoneconnect.preview;

/** Preview or test send has nothing to work on: no record, or a route it cannot read. */
public class NoRecordsException extends RuntimeException {

    public NoRecordsException(String message) {
        super(message);
    }
}
