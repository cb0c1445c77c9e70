package dev.portmoneconnect.ledger;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * Sets every new SQLite connection up the way the store's promises need, whatever the JDBC URL
 * says: transactions that hold the write lock from their start, the write-ahead log (a commit is in the log file before it returns, so it survives the
 * process being killed), the configured sync level, a wait instead of a failure while another
 * writer holds the lock, and foreign keys checked as PostgreSQL checks them.
 */
@ApplicationScoped
public class SqliteConnectionSettings implements AgroalPoolInterceptor {

    /** {@code NORMAL}: survives a killed process; {@code FULL}: also a power cut, at the cost of a disk sync per commit. */
    @ConfigProperty(name = "connect.store.synchronous", defaultValue = "NORMAL")
    String synchronous;

    @ConfigProperty(name = "connect.store.busy-timeout", defaultValue = "30s")
    Duration busyTimeout;

    @Override
    public void onConnectionCreate(Connection connection) {
        try {
            if (!connection.isWrapperFor(SQLiteConnection.class)) {
                return;
            }
            // a transaction begun by setAutoCommit(false), as Quartz and Flyway begin theirs, takes
            // the write lock at once instead of failing when it writes after another writer's commit
            connection.unwrap(SQLiteConnection.class).getConnectionConfig()
                    .setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = " + synchronousLevel());
                s.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
                s.execute("PRAGMA foreign_keys = ON");
            }
        } catch (SQLException e) {
            throw new LedgerException("the SQLite store cannot be set up: " + e.getMessage(), e);
        }
    }

    private String synchronousLevel() {
        String level = synchronous.trim().toUpperCase(Locale.ROOT);
        if (!level.equals("NORMAL") && !level.equals("FULL") && !level.equals("EXTRA")) {
            throw new IllegalArgumentException("connect.store.synchronous must be NORMAL, FULL or EXTRA, not '"
                    + synchronous + "'");
        }
        return level;
    }
}
