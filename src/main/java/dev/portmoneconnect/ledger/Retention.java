package dev.portmoneconnect.ledger;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps the store from growing without end. Records the ledger has settled leave the inbox after
 * {@code connect.retention.settled-inbox} (the ledger keeps what was invoiced and sent); finished
 * runs and the attempts they recorded leave after {@code connect.retention.runs}. Ledger records
 * themselves are kept: they are what makes an order never invoiced twice. Deletes go in small
 * batches, so the store's one writer is never held long; SQLite gives the freed pages back as each
 * batch commits (the store is created with {@code auto_vacuum = FULL}, see {@link LedgerMigrations}).
 */
@ApplicationScoped
public class Retention {

    private static final int BATCH = 500;

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    @ConfigProperty(name = "connect.retention.settled-inbox", defaultValue = "7d")
    Duration settledInbox;

    @ConfigProperty(name = "connect.retention.runs", defaultValue = "90d")
    Duration runs;

    /** Prunes and says what it removed; every {@code connect.retention.every} by {@code ops.HousekeepingRoutes}. */
    public void scheduled() {
        Pruned pruned = prune();
        if (pruned.inbox() + pruned.runs() > 0) {
            Log.infof("Retention: removed %d settled inbox records (older than %s) and %d finished runs with %d"
                    + " attempts (older than %s)", pruned.inbox(), settledInbox, pruned.runs(), pruned.attempts(), runs);
        }
    }

    /** Removes what is past its retention now. */
    public Pruned prune() {
        Instant now = clock.instant();
        int inbox = 0;
        int removed;
        do {
            removed = jdbc.update("DELETE FROM inbox WHERE id IN (SELECT id FROM inbox WHERE status <> ?"
                    + " AND settled_at < ? LIMIT ?)", "PENDING", now.minus(settledInbox), BATCH);
            inbox += removed;
        } while (removed == BATCH);
        int runCount = 0;
        int attempts = 0;
        List<String> ids;
        do {
            ids = jdbc.list("SELECT id FROM run WHERE status <> ? AND finished_at < ? LIMIT ?",
                    rs -> rs.getString("id"), RunStatus.RUNNING, now.minus(runs), BATCH);
            if (!ids.isEmpty()) {
                List<String> batch = ids;
                String marks = batch.stream().map(id -> "?").collect(Collectors.joining(","));
                int[] counts = jdbc.inTransaction(c -> new int[] {
                        Jdbc.update(c, "DELETE FROM record_attempt WHERE run_id IN (" + marks + ")", batch.toArray()),
                        Jdbc.update(c, "DELETE FROM run WHERE id IN (" + marks + ")", batch.toArray())});
                attempts += counts[0];
                runCount += counts[1];
            }
        } while (ids.size() == BATCH);
        return new Pruned(inbox, runCount, attempts);
    }

    /** What one pruning removed. */
    public record Pruned(int inbox, int runs, int attempts) {
    }
}
