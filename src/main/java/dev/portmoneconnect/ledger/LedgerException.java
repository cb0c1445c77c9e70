package dev.portmoneconnect.ledger;

import java.sql.SQLException;

/** The ledger database could not be read or written. */
public class LedgerException extends RuntimeException {

    private final String sqlState;

    public LedgerException(String message, SQLException cause) {
        super(message, cause);
        this.sqlState = cause.getSQLState();
    }

    static LedgerException of(SQLException e) {
        return new LedgerException("ledger database: " + e.getMessage(), e);
    }

    public boolean isUniqueViolation() {
        return Jdbc.UNIQUE_VIOLATION.equals(sqlState);
    }
}
