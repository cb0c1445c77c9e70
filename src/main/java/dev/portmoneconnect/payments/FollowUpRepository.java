package dev.portmoneconnect.payments;

import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.ledger.LedgerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code payment_follow_up}, and selects the invoices a follow-up still has to act on. */
@ApplicationScoped
public class FollowUpRepository {

    @Inject
    Jdbc jdbc;

    public Optional<FollowUp> find(long recordId, String followUp) {
        return jdbc.one("SELECT * FROM payment_follow_up WHERE record_id = ? AND follow_up = ?",
                FollowUpRepository::map, recordId, followUp);
    }

    public List<FollowUp> ofRecord(long recordId) {
        return jdbc.list("SELECT * FROM payment_follow_up WHERE record_id = ? ORDER BY claimed_at",
                FollowUpRepository::map, recordId);
    }

    /**
     * Takes the invoice for this follow-up and run, before the follow-up acts. The database decides
     * between runs and instances: the row is new, or one a failure that may pass left parked.
     *
     * @return false when the follow-up has acted on the invoice, or is acting on it now, elsewhere
     */
    public boolean claim(long recordId, String followUp, String connectionId, String runId, Instant now) {
        try {
            jdbc.update("INSERT INTO payment_follow_up (record_id, follow_up, connection_id, status, run_id, claimed_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", recordId, followUp, connectionId, FollowUp.Status.CLAIMED, runId, now);
            return true;
        } catch (LedgerException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
        }
        return jdbc.update("UPDATE payment_follow_up SET status = ?, connection_id = ?, run_id = ?, claimed_at = ?,"
                        + " error_message = NULL WHERE record_id = ? AND follow_up = ? AND status = ?",
                FollowUp.Status.CLAIMED, connectionId, runId, now, recordId, followUp, FollowUp.Status.PARKED) == 1;
    }

    /** @return whether the run held the claim it now settles */
    public boolean done(long recordId, String followUp, String runId, Instant now) {
        return jdbc.update("UPDATE payment_follow_up SET status = ?, done_at = ? WHERE record_id = ? AND follow_up = ?"
                + " AND status = ? AND run_id = ?", FollowUp.Status.DONE, now, recordId, followUp,
                FollowUp.Status.CLAIMED, runId) == 1;
    }

    /** @param status FAILED (for good) or PARKED (the next run tries again) */
    public boolean failed(long recordId, String followUp, String runId, FollowUp.Status status, String error) {
        return jdbc.update("UPDATE payment_follow_up SET status = ?, error_message = ? WHERE record_id = ?"
                + " AND follow_up = ? AND status = ? AND run_id = ?", status, error, recordId, followUp,
                FollowUp.Status.CLAIMED, runId) == 1;
    }

    /**
     * The invoices a follow-up has not acted on (or that wait for another try), oldest first.
     *
     * @param statuses    the payment statuses to take
     * @param timeColumn  the time the age is counted from: invoiced_at, paid_at or expires_at
     * @param notAfter    the time column at or before this
     * @param notBefore   the time column at or after this, or null
     * @param payableAt   only invoices whose link is still payable at this time, or null
     * @param connections the invoicing connections to take them from; empty for all
     */
    public List<PaymentRepository.Invoiced> pending(String followUp, Collection<PaymentStatus> statuses,
                                                    String timeColumn, Instant notAfter, Instant notBefore,
                                                    Instant payableAt, Collection<String> connections, int limit) {
        if (!List.of("invoiced_at", "paid_at", "expires_at").contains(timeColumn)) {
            throw new IllegalArgumentException("no such time: " + timeColumn);
        }
        StringBuilder sql = new StringBuilder("SELECT " + PaymentRepository.WITH_INVOICE + PaymentRepository.FROM
                + " WHERE p.test_send = ? AND p.status IN (" + PaymentRepository.marks(statuses.size()) + ")");
        List<Object> params = new ArrayList<>();
        params.add(false);
        params.addAll(statuses.stream().map(Enum::name).toList());
        if (!connections.isEmpty()) {
            sql.append(" AND p.connection_id IN (").append(PaymentRepository.marks(connections.size())).append(")");
            params.addAll(connections);
        }
        sql.append(" AND p.").append(timeColumn).append(" <= ?");
        params.add(notAfter);
        if (notBefore != null) {
            sql.append(" AND p.").append(timeColumn).append(" >= ?");
            params.add(notBefore);
        }
        if (payableAt != null) {
            sql.append(" AND p.expires_at > ?");
            params.add(payableAt);
        }
        sql.append(" AND NOT EXISTS (SELECT 1 FROM payment_follow_up f WHERE f.record_id = p.record_id"
                + " AND f.follow_up = ? AND f.status <> ?)");
        params.add(followUp);
        params.add(FollowUp.Status.PARKED);
        sql.append(" ORDER BY p.").append(timeColumn).append(", p.record_id LIMIT ?");
        params.add(limit);
        return jdbc.list(sql.toString(), PaymentRepository::invoiced, params.toArray());
    }

    static FollowUp map(ResultSet rs) throws SQLException {
        return new FollowUp(rs.getLong("record_id"), rs.getString("follow_up"), rs.getString("connection_id"),
                FollowUp.Status.valueOf(rs.getString("status")), rs.getString("run_id"), Jdbc.instant(rs, "claimed_at"),
                Jdbc.instant(rs, "done_at"), rs.getString("error_message"));
    }
}
