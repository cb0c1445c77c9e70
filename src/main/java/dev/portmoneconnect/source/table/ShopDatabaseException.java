package dev.portmoneconnect.source.table;

/** A shop's database cannot be reached or read as configured. */
public class ShopDatabaseException extends RuntimeException {

    public ShopDatabaseException(String message) {
        super(message);
    }

    public ShopDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
