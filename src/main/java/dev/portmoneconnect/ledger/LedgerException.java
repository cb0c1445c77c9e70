package dev.portmoneconnect.ledger;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;

/** The ledger database could not be read or written. */
public class LedgerException extends RuntimeException {

    private final boolean uniqueViolation;

    public LedgerException(String message, SQLException cause) {
        super(message, cause);
        this.uniqueViolation = isUniqueViolation(cause);
    }

    static LedgerException of(SQLException e) {
        return new LedgerException("ledger database: " + e.getMessage(), e);
    }

    public boolean isUniqueViolation() {
        return uniqueViolation;
    }

    private static boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            return sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
        }
        return Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState());
    }
}
