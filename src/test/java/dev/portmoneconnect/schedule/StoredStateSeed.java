package dev.portmoneconnect.schedule;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import dev.portmoneconnect.ledger.LedgerMigrations;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    static final String URL = "jdbc:h2:file:./target/restart-db/" + UUID.randomUUID()
            + "/portmone-connect;DB_CLOSE_ON_EXIT=FALSE";
    static final Instant MISSED = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Override
    public Map<String, String> start() {
        Flyway.configure().dataSource(URL, "sa", "").locations(LedgerMigrations.locations("h2")).load().migrate();
        try (Connection db = DriverManager.getConnection(URL, "sa", "")) {
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
            insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            insert.setObject(4, nextFireAt == null ? null : nextFireAt.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    @Override
    public void stop() {
    }
}
