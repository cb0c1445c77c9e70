package dev.portmoneconnect.source.files;

/** A dropped file that cannot be read as orders at all: not a CSV or .xlsx file, no header row, no key column. */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
