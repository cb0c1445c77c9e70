package dev.portmoneconnect.ledger;

import dev.portmoneconnect.ledger.LedgerRepository.Claim;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Decides whether a run may handle a record and, if so, claims the record's ledger row for it. The
 * database decides, so the decision holds across instances: a new record's row is created once
 * (unique connection and key), an existing row is taken by a conditional update on its version and
 * never from another run that is still alive, and a run that another instance has taken over
 * claims nothing more.
 */
@ApplicationScoped
public class RecordClaims {

    static final String HANDLED_ELSEWHERE = "another run is handling this record";
    static final String TAKEN_OVER = "this run went silent and another run took over its records";

    @Inject
    LedgerRepository ledger;

    @Inject
    RunRepository runs;

    public Claimed claim(Claim claim, boolean replay) {
        // The common case, a record never seen before, takes one statement: the row is created only
        // while this run is still running and no row holds the key yet.
        LedgerRepository.Inserted inserted = ledger.insertIfNew(claim);
        if (inserted.row() != null) {
            return Claimed.taken(inserted.row());
        }
        if (!runs.isRunning(claim.runId())) {
            return new Claimed(null, null, TAKEN_OVER, false);
        }
        Optional<LedgerRecord> existing = ledger.find(claim.connectionId(), claim.recordKey());
        if (inserted.conflict() || existing.isEmpty()) {
            // another run created the row between this run's look and its insert
            return Claimed.left(existing.orElse(null), HANDLED_ELSEWHERE);
        }
        String reason = reasonToSkip(existing.get(), claim, replay);
        if (reason != null) {
            return Claimed.left(existing.get(), reason);
        }
        return ledger.reclaim(existing.get(), claim).map(Claimed::taken)
                .orElseGet(() -> Claimed.left(existing.get(), HANDLED_ELSEWHERE));
    }

    /** @return why the record must not be processed again, or null to process it */
    public static String reasonToSkip(LedgerRecord row, Claim claim, boolean replay) {
        boolean unchanged = claim.contentHash() != null && claim.contentHash().equals(row.contentHash());
        return switch (row.status()) {
            case DELIVERED -> "already invoiced and delivered";
            case DRY_RUN -> claim.dryRun() && unchanged ? "already rehearsed in a dry run" : null;
            case FAILED, PARKED -> replay || !unchanged ? null
                    : "failed before and unchanged since: " + row.errorMessage();
            case RECEIVED, INVOICED -> null;
        };
    }

    /**
     * What came of a claim.
     *
     * @param row     the row this run now holds, or null when the record is left alone
     * @param seen    the row as last seen, when the record is left alone
     * @param reason  why the record is left alone
     * @param settles whether leaving it settles its source record (false: another run will settle it)
     */
    public record Claimed(LedgerRecord row, LedgerRecord seen, String reason, boolean settles) {

        static Claimed taken(LedgerRecord row) {
            return new Claimed(row, null, null, false);
        }

        static Claimed left(LedgerRecord seen, String reason) {
            return new Claimed(null, seen, reason, true);
        }

        public boolean isTaken() {
            return row != null;
        }
    }
}
