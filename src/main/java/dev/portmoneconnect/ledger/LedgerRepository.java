package dev.portmoneconnect.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads and writes ledger rows. Every state change is a conditional update on the row's version. */
@ApplicationScoped
public class LedgerRepository {

    private static final String COLUMNS = "id, connection_id, record_key, content_hash, source_id, status, version,"
            + " shop_order_number, payment_link, invoice_json, portmone_request, delivery_channels, delivery_preview,"
            + " delivery_parts, delivered_channels, error_step, error_field, error_code, error_message, attempts, dry_run, last_run_id,"
            + " created_at, updated_at, invoiced_at, delivered_at";

    /** Keys per IN list: keeps statements small on both H2 and PostgreSQL. */
    private static final int KEY_BATCH = 500;

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    @Inject
    RunLiveness liveness;

    @Inject
    ParkedRetries retries;

    public Optional<LedgerRecord> find(String connectionId, String recordKey) {
        return jdbc.one("SELECT " + COLUMNS + " FROM ledger_record WHERE connection_id = ? AND record_key = ?",
                LedgerRepository::map, connectionId, recordKey);
    }

    public Optional<LedgerRecord> findById(long id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM ledger_record WHERE id = ?", LedgerRepository::map, id);
    }

    /** Looks many keys up with a few statements: a run's cost follows its new records, not the ledger's size. */
    public Map<String, LedgerRecord> findAll(String connectionId, Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        Map<String, LedgerRecord> found = new java.util.HashMap<>();
        for (int from = 0; from < all.size(); from += KEY_BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + KEY_BATCH));
            String marks = batch.stream().map(k -> "?").collect(Collectors.joining(","));
            Object[] params = new Object[batch.size() + 1];
            params[0] = connectionId;
            for (int i = 0; i < batch.size(); i++) {
                params[i + 1] = batch.get(i);
            }
            jdbc.list("SELECT " + COLUMNS + " FROM ledger_record WHERE connection_id = ? AND record_key IN (" + marks + ")",
                    LedgerRepository::map, params).forEach(r -> found.put(r.recordKey(), r));
        }
        return found;
    }

    public List<LedgerRecord> findByStatus(String connectionId, Collection<RecordStatus> statuses, int limit) {
        String marks = statuses.stream().map(s -> "?").collect(Collectors.joining(","));
        Object[] params = new Object[statuses.size() + 2];
        params[0] = connectionId;
        int i = 1;
        for (RecordStatus s : statuses) {
            params[i++] = s.name();
        }
        params[i] = limit;
        return jdbc.list("SELECT " + COLUMNS + " FROM ledger_record WHERE connection_id = ? AND status IN (" + marks
                + ") ORDER BY updated_at DESC LIMIT ?", LedgerRepository::map, params);
    }

    /**
     * Creates the row for a record never seen before, in one statement that also checks what a
     * claim must: that the claiming run is still running (a run another instance has taken over
     * claims nothing more) and that no row holds the key yet. Every parameter is cast to its
     * column's type, so that PostgreSQL knows the types of the selected values, nulls included; the
     * text casts carry no length, since PostgreSQL would cut a longer value to it without a word,
     * where the column refuses it.
     *
     * @return the new row; or none, with {@code conflict} set when another run inserted the key
     *         at the same moment (the unique key decided)
     */
    public Inserted insertIfNew(Claim claim) {
        java.util.Objects.requireNonNull(claim.claimId(), "a claim that creates a row must have an id");
        Instant now = clock.instant();
        RecordStatus status = claim.dryRun() ? RecordStatus.DRY_RUN : RecordStatus.RECEIVED;
        try {
            Long id = jdbc.insertIfAny("INSERT INTO ledger_record (connection_id, record_key, content_hash, source_id,"
                            + " status, version, shop_order_number, invoice_json, delivery_channels, attempts, dry_run,"
                            + " last_run_id, claim_id, created_at, updated_at)"
                            + " SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
                            + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), 1, CAST(? AS VARCHAR),"
                            + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), 1, CAST(? AS BOOLEAN),"
                            + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), " + timeCast() + ", " + timeCast()
                            + " FROM run WHERE run.id = ? AND run.status = ? AND NOT EXISTS (SELECT 1 FROM ledger_record"
                            + " WHERE connection_id = ? AND record_key = ?)",
                    claim.connectionId(), claim.recordKey(), claim.contentHash(), claim.sourceId(), status,
                    claim.shopOrderNumber(), claim.invoiceJson(), claim.channels(), claim.dryRun(), claim.runId(),
                    claim.claimId(), now, now, claim.runId(), RunStatus.RUNNING, claim.connectionId(), claim.recordKey());
            if (id == null) {
                return new Inserted(null, false);
            }
            return new Inserted(received(id, claim, status, now), false);
        } catch (LedgerException e) {
            if (e.isUniqueViolation()) {
                return new Inserted(null, true);
            }
            throw e;
        }
    }

    /** A parameter typed as a time column, so PostgreSQL knows its type in a SELECT list; SQLite keeps times as numbers. */
    private String timeCast() {
        return jdbc.store() == Store.SQLITE ? "CAST(? AS BIGINT)" : "CAST(? AS TIMESTAMP WITH TIME ZONE)";
    }

    /** The row of a new record is exactly what was inserted: no need to read it back. */
    private static LedgerRecord received(long id, Claim claim, RecordStatus status, Instant now) {
        return new LedgerRecord(id, claim.connectionId(), claim.recordKey(), claim.contentHash(),
                claim.sourceId(), status, 1, claim.shopOrderNumber(), null, claim.invoiceJson(), null,
                claim.channels(), null, null, null, null, null, null, null, 1, claim.dryRun(), claim.runId(), now,
                now, null, null);
    }

    /**
     * Takes an existing row for this record's claim, if nobody changed it since it was read and no
     * claim holds it: none does once its record was settled, or once the run that made it is no
     * longer alive (see {@link RunLiveness}). Another record of the same run never takes a row
     * held for a record still being handled.
     *
     * @return the claimed row, or empty when another claim got there first or holds it now
     */
    public Optional<LedgerRecord> reclaim(LedgerRecord row, Claim claim) {
        java.util.Objects.requireNonNull(claim.claimId(), "a claim that takes a row must have an id");
        boolean invoiceExists = row.paymentLink() != null;
        RecordStatus next = claim.dryRun() ? (invoiceExists ? row.status() : RecordStatus.DRY_RUN)
                : invoiceExists ? RecordStatus.INVOICED : RecordStatus.RECEIVED;
        int changed = jdbc.update("UPDATE ledger_record SET status = ?, version = version + 1, attempts = attempts + 1,"
                        + " content_hash = ?, source_id = ?, invoice_json = ?, delivery_channels = ?, dry_run = ?,"
                        + " shop_order_number = COALESCE(shop_order_number, ?),"
                        + " last_run_id = ?, claim_id = ?, error_step = NULL, error_field = NULL, error_code = NULL,"
                        + " error_message = NULL, updated_at = ? WHERE id = ? AND version = ?"
                        + " AND (claim_id IS NULL OR last_run_id IS NULL OR NOT EXISTS (" + RunLiveness.LIVE_RUN
                        + " AND run.id = ledger_record.last_run_id))",
                next, claim.contentHash(), claim.sourceId(), claim.invoiceJson(), claim.channels(), claim.dryRun(),
                claim.shopOrderNumber(), claim.runId(), claim.claimId(), clock.instant(), row.id(), row.version(),
                RunStatus.RUNNING, liveness.aliveSince());
        return changed == 1 ? findById(row.id()) : Optional.empty();
    }

    /**
     * The run whose claim holds the row now, if a live run's claim does: the same test as in
     * {@link #reclaim}, so that when a reclaim failed and no holder is found, it failed only because
     * the row changed since it was read (a run taken over while silent may still store the link it
     * was waiting for), and reading the row again takes it.
     */
    public Optional<String> claimHolder(long id) {
        return jdbc.one("SELECT last_run_id FROM ledger_record WHERE id = ? AND claim_id IS NOT NULL"
                        + " AND EXISTS (" + RunLiveness.LIVE_RUN + " AND run.id = ledger_record.last_run_id)",
                rs -> rs.getString("last_run_id"), id, RunStatus.RUNNING, liveness.aliveSince())
                .filter(java.util.Objects::nonNull);
    }

    /**
     * Whether the claim still holds the row and its run is still running: checked right before each
     * call to Portmone or a gateway, so a run another took over while it was silent sends nothing more.
     */
    public boolean holds(long id, String claimId) {
        return jdbc.one("SELECT 1 AS held FROM ledger_record WHERE id = ? AND claim_id = ? AND EXISTS"
                        + " (SELECT 1 FROM run WHERE run.id = ledger_record.last_run_id AND run.status = ?)",
                rs -> rs.getInt("held"), id, claimId, RunStatus.RUNNING).isPresent();
    }

    /**
     * Stores the link of a new invoice; a dry run stores only the request it would have sent. The
     * link is kept even when the claim was lost meanwhile (the invoice exists at Portmone, and whoever
     * delivers the record delivers that link), but only the claim's holder moves the record to
     * INVOICED: a record another run has parked or holds stays where that run put it.
     *
     * @return whether the row changed: false when it already held a link
     */
    public boolean markInvoiced(long id, String claimId, String paymentLink, String portmoneRequest, boolean dryRun) {
        Instant now = clock.instant();
        if (dryRun) {
            return jdbc.update("UPDATE ledger_record SET version = version + 1, portmone_request = ?, updated_at = ?"
                    + " WHERE id = ? AND payment_link IS NULL", portmoneRequest, now, id) == 1;
        }
        return jdbc.update("UPDATE ledger_record SET status = CASE WHEN claim_id = ? THEN ? ELSE status END,"
                        + " version = version + 1, payment_link = ?, portmone_request = ?, invoiced_at = ?, updated_at = ?"
                        + " WHERE id = ? AND payment_link IS NULL",
                claimId, RecordStatus.INVOICED, paymentLink, portmoneRequest, now, now, id) == 1;
    }

    /**
     * Marks the record delivered and keeps the attempt that delivered it, in one transaction: the
     * row never says delivered without the attempt that says by which run. A dry run stores only
     * the message it would have sent.
     */
    public void markDelivered(long id, String preview, Integer parts, boolean dryRun, String runId,
                              String connectionId, String recordKey, String sourceId, String outcome) {
        jdbc.inTransaction(c -> {
            markDelivered(c, id, preview, parts, dryRun);
            return Jdbc.update(c, ADD_ATTEMPT, attempt(id, runId, connectionId, recordKey, sourceId, outcome, null));
        });
    }

    /** Settles the row: delivered (or, in a dry run, its message kept), and its claim let go. */
    private void markDelivered(java.sql.Connection c, long id, String preview, Integer parts, boolean dryRun)
            throws SQLException {
        Instant now = clock.instant();
        if (dryRun) {
            Jdbc.update(c, "UPDATE ledger_record SET version = version + 1, delivery_preview = ?,"
                    + " delivery_parts = ?, updated_at = ? WHERE id = ? AND payment_link IS NULL", preview, parts, now, id);
            Jdbc.update(c, "UPDATE ledger_record SET claim_id = NULL WHERE id = ?", id);
            return;
        }
        Jdbc.update(c, "UPDATE ledger_record SET status = ?, version = version + 1, delivery_preview = ?,"
                        + " delivery_parts = ?, delivered_at = ?, updated_at = ?, claim_id = NULL, parked_since = NULL,"
                        + " next_retry_at = NULL, auto_retries = 0 WHERE id = ?",
                RecordStatus.DELIVERED, preview, parts, now, now, id);
    }

    /** Keeps what has been delivered so far, by which channels, while the record is still being delivered. */
    public void markChannelDelivered(long id, String deliveredChannels, String preview, Integer parts) {
        jdbc.update("UPDATE ledger_record SET version = version + 1, delivered_channels = ?, delivery_preview = ?,"
                        + " delivery_parts = ?, updated_at = ? WHERE id = ?",
                deliveredChannels, preview, parts, clock.instant(), id);
    }

    /**
     * Settles the row as failed or parked, with the reason, and lets its claim go. A parked record
     * gets the time a later run may try it again (see {@link ParkedRetries}); a failed one is not
     * tried again on its own.
     *
     * @return false when the claim no longer holds the row: another run has it, and its outcome stands
     */
    public boolean markFailed(long id, String claimId, RecordStatus status, Failure failure) {
        Instant now = clock.instant();
        return jdbc.inTransaction(c -> {
            Instant nextRetry = null;
            Instant parkedSince = null;
            if (status == RecordStatus.PARKED) {
                List<Object[]> parked = Jdbc.list(c, "SELECT parked_since, auto_retries FROM ledger_record WHERE id = ?",
                        rs -> new Object[] {Jdbc.instant(rs, "parked_since"), rs.getInt("auto_retries")}, id);
                parkedSince = parked.isEmpty() || parked.get(0)[0] == null ? now : (Instant) parked.get(0)[0];
                nextRetry = retries.nextSlot(parkedSince, parked.isEmpty() ? 0 : (Integer) parked.get(0)[1], now);
            }
            return Jdbc.update(c, "UPDATE ledger_record SET status = ?, version = version + 1, error_step = ?,"
                            + " error_field = ?, error_code = ?, error_message = ?, updated_at = ?, claim_id = NULL,"
                            + " parked_since = ?, next_retry_at = ?, auto_retries = CASE WHEN ? THEN auto_retries ELSE 0 END"
                            + " WHERE id = ? AND claim_id = ?",
                    status, failure.step(), failure.field(), failure.code(), failure.message(), now, parkedSince,
                    nextRetry, status == RecordStatus.PARKED, id, claimId) == 1;
        });
    }

    /** What of a connection's records did not reach the payer: how many need an operator, how many retry on their own. */
    public Attention attention(String connectionId) {
        return jdbc.one("SELECT SUM(CASE WHEN status = ? OR next_retry_at IS NULL THEN 1 ELSE 0 END) AS waiting,"
                        + " SUM(CASE WHEN status = ? AND next_retry_at IS NOT NULL THEN 1 ELSE 0 END) AS retrying,"
                        + " MIN(CASE WHEN status = ? OR next_retry_at IS NULL THEN updated_at END) AS since"
                        + " FROM ledger_record WHERE connection_id = ? AND status IN (?, ?) AND record_key NOT LIKE ?",
                rs -> new Attention(rs.getInt("waiting"), Jdbc.instant(rs, "since"), rs.getInt("retrying")),
                RecordStatus.FAILED, RecordStatus.PARKED, RecordStatus.FAILED, connectionId, RecordStatus.FAILED,
                RecordStatus.PARKED, "test:%").orElse(new Attention(0, null, 0));
    }

    /**
     * Records a failure of a record that never reached the guard (invalid input), unless another
     * source record's claim holds the order's row right now: that record's handling goes on untouched.
     *
     * @return the row as it now stands, and whether the failure was written into it
     */
    public InvalidRecorded upsertInvalid(Claim claim, Failure failure) {
        Optional<LedgerRecord> existing = find(claim.connectionId(), claim.recordKey());
        if (existing.isEmpty()) {
            Instant now = clock.instant();
            try {
                long id = jdbc.insert("INSERT INTO ledger_record (connection_id, record_key, content_hash, source_id,"
                                + " status, version, delivery_channels, error_step, error_field, error_code, error_message,"
                                + " attempts, dry_run, last_run_id, created_at, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                        claim.connectionId(), claim.recordKey(), claim.contentHash(), claim.sourceId(),
                        RecordStatus.FAILED, claim.channels(), failure.step(), failure.field(), failure.code(),
                        failure.message(), claim.dryRun(), claim.runId(), now, now);
                return new InvalidRecorded(findById(id).orElseThrow(), true);
            } catch (LedgerException e) {
                if (!e.isUniqueViolation()) {
                    throw e;
                }
                existing = find(claim.connectionId(), claim.recordKey());
            }
        }
        LedgerRecord row = existing.orElseThrow();
        if (row.status().hasFinalInvoice()) {
            return new InvalidRecorded(row, false);
        }
        int changed = jdbc.update("UPDATE ledger_record SET status = ?, version = version + 1, content_hash = ?,"
                        + " source_id = ?, error_step = ?, error_field = ?, error_code = ?, error_message = ?,"
                        + " attempts = attempts + 1, last_run_id = ?, updated_at = ? WHERE id = ?"
                        + " AND (claim_id IS NULL OR last_run_id IS NULL OR NOT EXISTS (" + RunLiveness.LIVE_RUN
                        + " AND run.id = ledger_record.last_run_id))",
                RecordStatus.FAILED, claim.contentHash(), claim.sourceId(), failure.step(), failure.field(),
                failure.code(), failure.message(), claim.runId(), clock.instant(), row.id(), RunStatus.RUNNING,
                liveness.aliveSince());
        return new InvalidRecorded(findById(row.id()).orElseThrow(), changed == 1);
    }

    public void addAttempt(Long recordId, String runId, String connectionId, String recordKey, String sourceId,
                           String outcome, Failure failure) {
        jdbc.update(ADD_ATTEMPT, attempt(recordId, runId, connectionId, recordKey, sourceId, outcome, failure));
    }

    private static final String ADD_ATTEMPT = "INSERT INTO record_attempt (record_id, run_id, connection_id, record_key,"
            + " source_id, outcome, step, error_field, error_code, error_message, at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private Object[] attempt(Long recordId, String runId, String connectionId, String recordKey, String sourceId,
                             String outcome, Failure failure) {
        return new Object[] {recordId, runId, connectionId, recordKey, sourceId, outcome,
                failure == null ? null : failure.step(), failure == null ? null : failure.field(),
                failure == null ? null : failure.code(), failure == null ? null : failure.message(), clock.instant()};
    }

    public List<RecordAttempt> attemptsOfRun(String runId) {
        return jdbc.list("SELECT * FROM record_attempt WHERE run_id = ? ORDER BY id", LedgerRepository::mapAttempt, runId);
    }

    public List<RecordAttempt> attemptsOfRecord(long recordId) {
        return jdbc.list("SELECT * FROM record_attempt WHERE record_id = ? ORDER BY id",
                LedgerRepository::mapAttempt, recordId);
    }

    public Map<String, Integer> outcomeCounts(String runId) {
        return jdbc.list("SELECT outcome, COUNT(*) AS n FROM record_attempt WHERE run_id = ? GROUP BY outcome",
                        rs -> Map.entry(rs.getString("outcome"), rs.getInt("n")), runId).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public List<LedgerRecord> failedRecordsOfRun(String runId) {
        return jdbc.list("SELECT " + COLUMNS + " FROM ledger_record WHERE id IN (SELECT record_id FROM record_attempt"
                        + " WHERE run_id = ? AND record_id IS NOT NULL) AND status IN ('FAILED', 'PARKED') ORDER BY id",
                LedgerRepository::map, runId);
    }

    static LedgerRecord map(ResultSet rs) throws SQLException {
        return new LedgerRecord(rs.getLong("id"), rs.getString("connection_id"), rs.getString("record_key"),
                rs.getString("content_hash"), rs.getString("source_id"), RecordStatus.valueOf(rs.getString("status")),
                rs.getInt("version"), rs.getString("shop_order_number"), rs.getString("payment_link"),
                rs.getString("invoice_json"), rs.getString("portmone_request"), rs.getString("delivery_channels"),
                rs.getString("delivery_preview"), Jdbc.nullableInt(rs, "delivery_parts"), rs.getString("delivered_channels"),
                rs.getString("error_step"),
                rs.getString("error_field"), rs.getString("error_code"), rs.getString("error_message"),
                rs.getInt("attempts"), rs.getBoolean("dry_run"), rs.getString("last_run_id"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "invoiced_at"),
                Jdbc.instant(rs, "delivered_at"));
    }

    static RecordAttempt mapAttempt(ResultSet rs) throws SQLException {
        long recordId = rs.getLong("record_id");
        Long nullableRecordId = rs.wasNull() ? null : recordId;
        return new RecordAttempt(rs.getLong("id"), nullableRecordId, rs.getString("run_id"),
                rs.getString("connection_id"), rs.getString("record_key"), rs.getString("outcome"), rs.getString("step"),
                rs.getString("error_field"), rs.getString("error_code"), rs.getString("error_message"),
                Jdbc.instant(rs, "at"), rs.getString("source_id"));
    }

    /** What a run knows of a record when it claims it; {@code claimId} is new for each source record handled. */
    public record Claim(String connectionId, String recordKey, String contentHash, String sourceId,
                        String shopOrderNumber, String invoiceJson, String channels, boolean dryRun, String runId,
                        String claimId) {

        /** A claim made only to look: who would be skipped and why, without holding anything. */
        public Claim(String connectionId, String recordKey, String contentHash, String sourceId, String shopOrderNumber,
                     String invoiceJson, String channels, boolean dryRun, String runId) {
            this(connectionId, recordKey, contentHash, sourceId, shopOrderNumber, invoiceJson, channels, dryRun, runId,
                    null);
        }
    }

    /** What came of {@link #insertIfNew}: the new row, or none and whether another run's insert of the key won. */
    public record Inserted(LedgerRecord row, boolean conflict) {
    }

    /**
     * Records that did not reach their payer.
     *
     * @param needed   failed, or parked and no longer tried on their own: an operator must look
     * @param since    when the oldest of those was last touched
     * @param retrying parked records later runs try again on their own
     */
    public record Attention(int needed, Instant since, int retrying) {
    }

    /** What came of {@link #upsertInvalid}: the row, and whether the failure was written into it. */
    public record InvalidRecorded(LedgerRecord row, boolean recorded) {
    }

    /** Why a record failed: the step, the field (for invalid input), Portmone's code, the message. */
    public record Failure(String step, String field, String code, String message) {
    }

}
