package dev.portmoneconnect.schedule;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import dev.portmoneconnect.ledger.LedgerMigrations;
import dev.portmoneconnect.ledger.Store;
import dev.portmoneconnect.ledger.StoreFile;
import org.flywaydb.core.Flyway;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Leaves in the database, before the application starts, what an earlier process would have left:
 * sched-daily switched off (its route file says on), firings of sched-catchup and sched-skip
 * planned two days ago that never happened because the process was down, and a firing of
 * sched-edited, missed the same way, that Quartz holds under the schedule its route file had before
 * it was edited ("every 15 minutes"; the file now says times "04:20").
 */
public class StoredStateSeed implements QuarkusTestResourceLifecycleManager {

    /** A database file of its own, closed before the application opens it. */
    static final String URL = "jdbc:sqlite:target/restart-db/" + UUID.randomUUID() + "/portmone-connect.db";
    static final Instant MISSED = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    static final String EDITED_AWAY_SCHEDULE = "every 15 minutes @Europe/Kyiv";

    @Override
    public Map<String, String> start() {
        StoreFile.prepareFolder(URL);
        Flyway.configure().dataSource(URL, null, null).locations(LedgerMigrations.locations(Store.SQLITE)).load().migrate();
        try (Connection db = DriverManager.getConnection(URL)) {
            store(db, "sched-daily", false, null);
            store(db, "sched-catchup", true, MISSED);
            store(db, "sched-skip", true, MISSED);
            store(db, "sched-edited", true, MISSED);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed the stored connection state", e);
        }
        planInQuartz("sched-edited", MISSED, EDITED_AWAY_SCHEDULE);
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

    /** A plan in Quartz's job store, written by a scheduler of the app's name as the app's would have written it. */
    private static void planInQuartz(String connectionId, Instant at, String scheduleKey) {
        Properties quartz = new Properties();
        quartz.put("org.quartz.scheduler.instanceName", "QuarkusQuartzScheduler");
        quartz.put("org.quartz.threadPool.threadCount", "1");
        quartz.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        quartz.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        quartz.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        quartz.put("org.quartz.jobStore.dataSource", "seed");
        quartz.put("org.quartz.dataSource.seed.connectionProvider.class", Connections.class.getName());
        try {
            Scheduler scheduler = new StdSchedulerFactory(quartz).getScheduler();
            try {
                QuartzPlans plans = new QuartzPlans();
                plans.quartz = scheduler;
                plans.plan(connectionId, new FirePlan(at, scheduleKey));
            } finally {
                scheduler.shutdown();
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot seed Quartz's job store", e);
        }
    }

    /** Connections to the seeded database for the seeding scheduler. */
    public static class Connections implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(URL, "sa", "");
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }

    @Override
    public void stop() {
    }
}
