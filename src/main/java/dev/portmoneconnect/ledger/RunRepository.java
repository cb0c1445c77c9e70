package dev.portmoneconnect.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The run history. */
@ApplicationScoped
public class RunRepository {

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    public void start(String runId, String connectionId, String trigger, boolean dryRun, boolean test, String instanceId) {
        Instant now = clock.instant();
        jdbc.update("INSERT INTO run (id, connection_id, trigger_kind, status, dry_run, test_run, instance_id, started_at,"
                        + " heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, connectionId, trigger, RunStatus.RUNNING, dryRun, test, instanceId, now, now);
    }

    /** Tells other instances these runs are alive. */
    public void heartbeat(Collection<String> runIds) {
        Instant now = clock.instant();
        for (String runId : runIds) {
            jdbc.update("UPDATE run SET heartbeat_at = ? WHERE id = ? AND status = ?", now, runId, RunStatus.RUNNING);
        }
    }

    /**
     * Records how the run ended.
     *
     * @return false when the run had been closed already, taken over by another run while it was silent
     */
    public boolean finish(String runId, RunStatus status, RunCounts counts, String errorMessage) {
        return jdbc.update("UPDATE run SET status = ?, finished_at = ?, records_seen = ?, invoiced = ?, delivered = ?,"
                        + " failed = ?, skipped = ?, error_message = ? WHERE id = ? AND status = ?",
                status, clock.instant(), counts.recordsSeen(), counts.invoiced(), counts.delivered(), counts.failed(),
                counts.skipped(), errorMessage, runId, RunStatus.RUNNING) > 0;
    }

    /**
     * Closes runs whose process died, so history never shows them running forever: their heartbeat
     * stopped longer ago than {@code silence}.
     */
    public int abandonSilent(Duration silence) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE run SET status = ?, finished_at = ?, error_message = ?"
                        + " WHERE status = ? AND COALESCE(heartbeat_at, started_at) < ?",
                RunStatus.ABANDONED, now, "the process running it stopped", RunStatus.RUNNING, now.minus(silence));
    }

    /**
     * Closes every run still marked running: only for an instance that knows it is the only one on
     * its database, at start-up, when such runs can only have been left by a process that stopped.
     */
    public int abandonAllRunning() {
        return jdbc.update("UPDATE run SET status = ?, finished_at = ?, error_message = ? WHERE status = ?",
                RunStatus.ABANDONED, clock.instant(), "the process running it stopped", RunStatus.RUNNING);
    }

    /** Whether the run is still going: false once it ended, or once another run took over its connection. */
    public boolean isRunning(String runId) {
        return jdbc.one("SELECT status FROM run WHERE id = ?", rs -> rs.getString("status"), runId)
                .filter(RunStatus.RUNNING.name()::equals).isPresent();
    }

    public Optional<Run> find(String runId) {
        return jdbc.one("SELECT * FROM run WHERE id = ?", RunRepository::map, runId);
    }

    public List<Run> recent(String connectionId, int limit) {
        return jdbc.list("SELECT * FROM run WHERE connection_id = ? ORDER BY started_at DESC LIMIT ?",
                RunRepository::map, connectionId, limit);
    }

    public Optional<Run> last(String connectionId) {
        return recent(connectionId, 1).stream().findFirst();
    }

    static Run map(ResultSet rs) throws SQLException {
        return new Run(rs.getString("id"), rs.getString("connection_id"), rs.getString("trigger_kind"),
                RunStatus.valueOf(rs.getString("status")), rs.getBoolean("dry_run"), rs.getBoolean("test_run"),
                rs.getString("instance_id"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"),
                rs.getInt("records_seen"), rs.getInt("invoiced"), rs.getInt("delivered"), rs.getInt("failed"),
                rs.getInt("skipped"), rs.getString("error_message"));
    }
}
