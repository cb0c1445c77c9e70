package dev.portmoneconnect.ledger;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hands a run the parked records of its connection that are due another try (see
 * {@link SelfHealingConfig}): their sources make them available again, as for a replay, and the
 * run's guard lets them through. Each is given its next slot at once, so a run that dies does not
 * lose it.
 */
@ApplicationScoped
public class ParkedRetries {

    private static final int BATCH = 500;

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    @Inject
    SelfHealingConfig config;

    @Inject
    Event<ReplayRequested> replayRequested;

    /** @return the keys of the records this run tries again */
    public Set<String> takeDue(String connectionId) {
        Instant now = clock.instant();
        List<Due> due = jdbc.list("SELECT id, record_key, source_id, auto_retries, parked_since FROM ledger_record"
                        + " WHERE connection_id = ? AND status = ? AND next_retry_at <= ? ORDER BY next_retry_at LIMIT ?",
                rs -> new Due(rs.getLong("id"), rs.getString("record_key"), rs.getString("source_id"),
                        rs.getInt("auto_retries"), Jdbc.instant(rs, "parked_since")),
                connectionId, RecordStatus.PARKED, now, BATCH);
        if (due.isEmpty()) {
            return Set.of();
        }
        for (Due record : due) {
            jdbc.update("UPDATE ledger_record SET auto_retries = auto_retries + 1, next_retry_at = ? WHERE id = ?"
                    + " AND status = ?", nextSlot(record.parkedSince(), record.tries() + 1, now), record.id(),
                    RecordStatus.PARKED);
        }
        replayRequested.fire(new ReplayRequested(connectionId, due.stream().map(Due::sourceId).toList()));
        Log.infof("Connection %s tries %d parked records again on its own", connectionId, due.size());
        return due.stream().map(Due::key).collect(Collectors.toSet());
    }

    /**
     * When a record parked since {@code parkedSince} and tried {@code tries} times by later runs may
     * be tried next; null once it has been parked for longer than it may be retried.
     */
    Instant nextSlot(Instant parkedSince, int tries, Instant now) {
        Instant next = now.plus(config.delayAfter(tries));
        Instant since = parkedSince == null ? now : parkedSince;
        return next.isAfter(since.plus(config.retryFor())) ? null : next;
    }

    private record Due(long id, String key, String sourceId, int tries, Instant parkedSince) {
    }
}
