package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.ledger.RunLiveness;
import dev.portmoneconnect.ledger.RunStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The durable inbox of records posted to webhooks, waiting for a run. */
@ApplicationScoped
public class InboxRepository {

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    /** Settled without being handled: it names an order another entry holds, with the same content. */
    public static final String DUPLICATE = "DUPLICATE";

    private static final String INSERT = "INSERT INTO inbox (connection_id, payload, status, received_at) VALUES (?, ?, ?, ?)";

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    @Inject
    RunLiveness liveness;

    private InboxGroupCommit groupCommit;

    @PostConstruct
    void groupCommits() {
        groupCommit = new InboxGroupCommit(jdbc, clock, (c, post, receivedAt) -> {
            List<Long> ids = new ArrayList<>(post.payloads.size());
            for (String payload : post.payloads) {
                ids.add(Jdbc.insert(c, INSERT, post.connectionId, payload, PENDING, receivedAt));
            }
            return ids;
        });
    }

    /**
     * Stores every record in one transaction: all of a post is accepted, or none of it. On a store
     * with one writer, posts that arrive together share that transaction (see {@link InboxGroupCommit}).
     */
    public List<Long> store(String connectionId, List<String> payloads) {
        if (jdbc.store().hasSingleWriter()) {
            return groupCommit.store(connectionId, payloads);
        }
        Instant now = clock.instant();
        if (payloads.size() == 1) {
            // one statement is atomic on its own
            return List.of(jdbc.insert(INSERT, connectionId, payloads.get(0), PENDING, now));
        }
        return jdbc.inTransaction(c -> {
            List<Long> ids = new ArrayList<>();
            for (String payload : payloads) {
                ids.add(Jdbc.insert(c, INSERT, connectionId, payload, PENDING, now));
            }
            return ids;
        });
    }

    /**
     * Takes up to {@code limit} pending records for a run. Rows stay PENDING until the ledger has
     * settled them, so a run that dies leaves them for the next one. Rows a live run has taken
     * (this one included) are left to it, rows of a run that went silent are taken over (see {@link RunLiveness}),
     * and rows locked by a run taking them right now are skipped: two runs, on one instance or on
     * several, never take the same record at once.
     */
    public List<InboxEntry> take(String connectionId, String runId, int limit) {
        return jdbc.inTransaction(c -> {
            List<InboxEntry> entries = Jdbc.list(c, "SELECT id, payload FROM inbox WHERE connection_id = ? AND status = ?"
                            + " AND (claimed_by_run IS NULL OR NOT EXISTS (" + RunLiveness.LIVE_RUN
                            + " AND run.id = inbox.claimed_by_run))"
                            + " ORDER BY id LIMIT ?" + jdbc.store().forUpdateSkipLocked(),
                    rs -> new InboxEntry(rs.getLong("id"), rs.getString("payload")), connectionId, PENDING,
                    RunStatus.RUNNING, liveness.aliveSince(), limit);
            for (InboxEntry entry : entries) {
                Jdbc.update(c, "UPDATE inbox SET claimed_by_run = ? WHERE id = ?", runId, entry.id());
            }
            return entries;
        });
    }

    /** Settles the entry: the ledger record {@code recordId} holds its outcome. */
    public void markSettled(long id, Long recordId, boolean duplicate) {
        jdbc.update("UPDATE inbox SET status = ?, settled_at = ?, record_id = ? WHERE id = ?", duplicate ? DUPLICATE : DONE,
                clock.instant(), recordId, id);
    }

    public void reopen(long id) {
        jdbc.update("UPDATE inbox SET status = ?, settled_at = NULL WHERE id = ?", PENDING, id);
    }

    public java.util.Optional<InboxState> find(long id) {
        return jdbc.one("SELECT id, connection_id, status, received_at, settled_at, record_id FROM inbox WHERE id = ?",
                rs -> {
                    long recordId = rs.getLong("record_id");
                    return new InboxState(rs.getLong("id"), rs.getString("connection_id"), rs.getString("status"),
                            Jdbc.instant(rs, "received_at"), Jdbc.instant(rs, "settled_at"),
                            rs.wasNull() ? null : recordId);
                }, id);
    }

    public int countPending(String connectionId) {
        return jdbc.one("SELECT COUNT(*) AS n FROM inbox WHERE connection_id = ? AND status = ?",
                rs -> rs.getInt("n"), connectionId, PENDING).orElse(0);
    }

    public List<InboxEntry> peek(String connectionId, int limit) {
        return jdbc.list("SELECT id, payload FROM inbox WHERE connection_id = ? AND status = ? ORDER BY id"
                        + " LIMIT ?",
                rs -> new InboxEntry(rs.getLong("id"), rs.getString("payload")), connectionId, PENDING, limit);
    }

    /** One stored record. */
    public record InboxEntry(long id, String payload) {
    }

    /** Where one stored record stands: PENDING, DONE or DUPLICATE, and the ledger record that holds its outcome. */
    public record InboxState(long id, String connectionId, String status, Instant receivedAt, Instant settledAt,
                             Long recordId) {
    }
}
