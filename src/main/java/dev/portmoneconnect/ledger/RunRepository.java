package dev.portmoneconnect.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** The run history. */
@ApplicationScoped
public class RunRepository {

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    /**
     * Records a new run. A run of the same connection that was abandoned (its process stopped) and
     * not yet taken over is taken over by this one: its records are this run's to settle.
     */
    public void start(String runId, String connectionId, String trigger, boolean dryRun, boolean test, String instanceId) {
        Instant now = clock.instant();
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "INSERT INTO run (id, connection_id, trigger_kind, status, dry_run, test_run, instance_id,"
                            + " started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    runId, connectionId, trigger, RunStatus.RUNNING, dryRun, test, instanceId, now, now);
            return Jdbc.update(c, "UPDATE run SET taken_over_by = ? WHERE connection_id = ? AND status = ?"
                    + " AND taken_over_by IS NULL AND id <> ?", runId, connectionId, RunStatus.ABANDONED, runId);
        });
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

    /** Keeps the counts of a run that was closed before it ended (taken over while it was silent). */
    public void recount(String runId, RunCounts counts) {
        jdbc.update("UPDATE run SET records_seen = ?, invoiced = ?, delivered = ?, failed = ?, skipped = ? WHERE id = ?",
                counts.recordsSeen(), counts.invoiced(), counts.delivered(), counts.failed(), counts.skipped(), runId);
    }

    /** What the run did so far, from its attempts. */
    public RunCounts counts(String runId) {
        return jdbc.inConnection(c -> counts(c, runId));
    }

    static RunCounts counts(java.sql.Connection c, String runId) throws SQLException {
        Map<String, Integer> outcomes = new HashMap<>();
        Jdbc.list(c, "SELECT outcome, COUNT(*) AS n FROM record_attempt WHERE run_id = ? GROUP BY outcome",
                rs -> outcomes.put(rs.getString("outcome"), rs.getInt("n")), runId);
        return RunCounts.from(outcomes);
    }

    /**
     * Closes runs whose process died, so history never shows them running forever: their heartbeat
     * stopped longer ago than {@code silence}. Each keeps the counts of what it did.
     */
    public int abandonSilent(Duration silence) {
        Instant since = clock.instant().minus(silence);
        return abandonAll("SELECT id FROM run WHERE status = ? AND COALESCE(heartbeat_at, started_at) < ?",
                RunStatus.RUNNING, since);
    }

    /**
     * Closes every run still marked running: only for an instance that knows it is the only one on
     * its database, at start-up, when such runs can only have been left by a process that stopped.
     */
    public int abandonAllRunning() {
        return abandonAll("SELECT id FROM run WHERE status = ?", RunStatus.RUNNING);
    }

    private int abandonAll(String select, Object... params) {
        List<String> ids = jdbc.list(select, rs -> rs.getString("id"), params);
        int abandoned = 0;
        for (String id : ids) {
            abandoned += jdbc.inTransaction(c -> abandon(c, clock.instant(), id, STOPPED, null));
        }
        return abandoned;
    }

    static final String STOPPED = "the process running it stopped";

    /** Closes a run that stopped without ending, keeping the counts of what it did; 0 when it had ended. */
    static int abandon(java.sql.Connection c, Instant now, String runId, String message, String takenOverBy)
            throws SQLException {
        RunCounts counts = counts(c, runId);
        return Jdbc.update(c, "UPDATE run SET status = ?, finished_at = ?, error_message = ?, taken_over_by = ?,"
                        + " records_seen = ?, invoiced = ?, delivered = ?, failed = ?, skipped = ?"
                        + " WHERE id = ? AND status = ?", RunStatus.ABANDONED, now, message, takenOverBy,
                counts.recordsSeen(), counts.invoiced(), counts.delivered(), counts.failed(), counts.skipped(), runId,
                RunStatus.RUNNING);
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
                rs.getInt("skipped"), rs.getString("error_message"), rs.getString("taken_over_by"));
    }
}
