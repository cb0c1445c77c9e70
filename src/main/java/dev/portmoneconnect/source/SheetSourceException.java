package dev.portmoneconnect.source;

/**
 * The sheet could not be read or understood, so the run ends without touching any record and the
 * next run tries again. Carries no low-level cause on purpose: the run is not retried record by
 * record, it is simply over.
 */
public class SheetSourceException extends RuntimeException {

    public SheetSourceException(String message) {
        super(message);
    }
}
