package dev.portmoneconnect.schedule;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import dev.portmoneconnect.ledger.LedgerMigrations;
import dev.portmoneconnect.ledger.Store;
import dev.portmoneconnect.ledger.StoreFile;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Leaves in the database, before the application starts, what an earlier process would have left:
 * sched-daily switched off (its route file says on), and firings of sched-catchup and sched-skip
 * planned two days ago that never happened because the process was down.
 */
public class StoredStateSeed implements QuarkusTestResourceLifecycleManager {

    /** A database file of its own, closed before the application opens it. */
    static final String URL = "jdbc:sqlite:target/restart-db/" + UUID.randomUUID() + "/portmone-connect.db";
    static final Instant MISSED = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Override
    public Map<String, String> start() {
        StoreFile.prepareFolder(URL);
        Flyway.configure().dataSource(URL, null, null).locations(LedgerMigrations.locations(Store.SQLITE)).load().migrate();
        try (Connection db = DriverManager.getConnection(URL)) {
            store(db, "sched-daily", false, null);
            store(db, "sched-catchup", true, MISSED);
            store(db, "sched-skip", true, MISSED);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed the stored connection state", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", URL);
    }

    private static void store(Connection db, String connectionId, boolean enabled, Instant nextFireAt)
            throws SQLException {
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM connection_state WHERE connection_id = ?")) {
            delete.setString(1, connectionId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO connection_state"
                + " (connection_id, enabled, updated_at, next_fire_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, connectionId);
            insert.setBoolean(2, enabled);
            insert.setLong(3, System.currentTimeMillis());
            insert.setObject(4, nextFireAt == null ? null : nextFireAt.toEpochMilli());
            insert.executeUpdate();
        }
    }

    @Override
    public void stop() {
    }
}
