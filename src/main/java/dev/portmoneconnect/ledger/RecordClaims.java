package dev.portmoneconnect.ledger;

import dev.portmoneconnect.ledger.LedgerRepository.Claim;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a source record may be handled and, if so, claims its order's ledger row for it.
 * A claim belongs to one source record, not to a run: two records of one run, two runs or two
 * instances that name the same (connection, key) never both hold the row. The database decides,
 * so the decision holds across instances: a new order's row is created once (unique connection and
 * key), an existing row is taken by a conditional update on its version and only while no live
 * claim holds it, and a run that another instance has taken over claims nothing more.
 */
@ApplicationScoped
public class RecordClaims {

    static final String HANDLED_ELSEWHERE = "another run is handling this order";
    static final String TAKEN_OVER = "this run went silent and another run took over its records";
    /** Tries when the row changed between reading and claiming it; each try reads it again. */
    private static final int TRIES = 5;

    @Inject
    LedgerRepository ledger;

    @Inject
    RunRepository runs;

    public Claimed claim(Claim claim, boolean replay) {
        // The common case, an order never seen before, takes one statement: the row is created only
        // while this run is still running and no row holds the key yet.
        LedgerRepository.Inserted inserted = ledger.insertIfNew(claim);
        if (inserted.row() != null) {
            return Claimed.taken(inserted.row());
        }
        if (!runs.isRunning(claim.runId())) {
            return Claimed.waiting(null, SkipReason.TAKEN_OVER, TAKEN_OVER);
        }
        Claimed claimed = null;
        for (int i = 0; i < TRIES && claimed == null; i++) {
            claimed = claimExisting(claim, replay);
        }
        return claimed != null ? claimed : Claimed.waiting(ledger.find(claim.connectionId(), claim.recordKey())
                .orElse(null), SkipReason.HANDLED_ELSEWHERE, HANDLED_ELSEWHERE);
    }

    /** @return what came of claiming the existing row, or null when it changed meanwhile and is worth another try */
    private Claimed claimExisting(Claim claim, boolean replay) {
        Optional<LedgerRecord> existing = ledger.find(claim.connectionId(), claim.recordKey());
        if (existing.isEmpty()) {
            // the row was being created by another claim while this one looked
            return Claimed.waiting(null, SkipReason.HANDLED_ELSEWHERE, HANDLED_ELSEWHERE);
        }
        LedgerRecord row = existing.get();
        Claimed settled = settledBefore(row, claim, replay);
        if (settled != null) {
            return settled;
        }
        Optional<LedgerRecord> reclaimed = ledger.reclaim(row, claim);
        if (reclaimed.isPresent()) {
            return Claimed.taken(reclaimed.get());
        }
        Optional<String> holder = ledger.claimHolder(row.id());
        if (holder.isEmpty()) {
            // no live claim holds it (a silent run's claim does not): the row only changed since it was read
            return null;
        }
        LedgerRecord now = ledger.findById(row.id()).orElse(row);
        if (!holder.get().equals(claim.runId())) {
            return Claimed.waiting(now, SkipReason.HANDLED_ELSEWHERE, HANDLED_ELSEWHERE);
        }
        if (Objects.equals(claim.contentHash(), now.contentHash())) {
            return Claimed.duplicate(now, SkipReason.DUPLICATE, "duplicate of " + describe(now)
                    + ", which names the same order with the same content and is being handled by this run");
        }
        return Claimed.waiting(now, SkipReason.WAITING, "the same order as " + describe(now)
                + ", which this run is handling; this version of it waits for the next run");
    }

    /** The record's order was settled before, and this record must leave it as it is; null to handle it. */
    private static Claimed settledBefore(LedgerRecord row, Claim claim, boolean replay) {
        SkipReason reason = reasonToSkip(row, claim, replay);
        if (reason == null) {
            return null;
        }
        String text = switch (reason) {
            case DELIVERED -> "already invoiced and delivered";
            case REHEARSED -> "already rehearsed in a dry run";
            case FAILED_UNCHANGED -> "failed before and unchanged since: " + row.errorMessage();
            default -> reason.name();
        };
        boolean otherSource = row.sourceId() != null && !row.sourceId().equals(claim.sourceId());
        return otherSource ? Claimed.duplicate(row, reason, text + " (as " + describe(row) + ")")
                : Claimed.left(row, reason, text);
    }

    /** @return why the record must not be processed again, or null to process it */
    public static SkipReason reasonToSkip(LedgerRecord row, Claim claim, boolean replay) {
        boolean unchanged = claim.contentHash() != null && claim.contentHash().equals(row.contentHash());
        return switch (row.status()) {
            case DELIVERED -> SkipReason.DELIVERED;
            case DRY_RUN -> claim.dryRun() && unchanged ? SkipReason.REHEARSED : null;
            case FAILED, PARKED -> replay || !unchanged ? null : SkipReason.FAILED_UNCHANGED;
            case RECEIVED, INVOICED -> null;
        };
    }

    private static String describe(LedgerRecord row) {
        return row.sourceId() == null ? "record " + row.id() : row.sourceId();
    }

    /** Why a record was left alone; stored as the attempt's code. */
    public enum SkipReason {
        DELIVERED, REHEARSED, FAILED_UNCHANGED, DUPLICATE, WAITING, HANDLED_ELSEWHERE, TAKEN_OVER
    }

    /**
     * What came of a claim.
     *
     * @param row       the row the record's claim now holds, or null when the record is left alone
     * @param seen      the row as last seen, when the record is left alone
     * @param skip      why the record is left alone
     * @param reason    the same, in words
     * @param settles   whether leaving it settles its source record (false: a later run takes it again)
     * @param duplicate whether another source record holds the order: this one is settled as its duplicate
     */
    public record Claimed(LedgerRecord row, LedgerRecord seen, SkipReason skip, String reason, boolean settles,
                          boolean duplicate) {

        static Claimed taken(LedgerRecord row) {
            return new Claimed(row, null, null, null, false, false);
        }

        static Claimed left(LedgerRecord seen, SkipReason skip, String reason) {
            return new Claimed(null, seen, skip, reason, true, false);
        }

        static Claimed duplicate(LedgerRecord seen, SkipReason skip, String reason) {
            return new Claimed(null, seen, skip, reason, true, true);
        }

        static Claimed waiting(LedgerRecord seen, SkipReason skip, String reason) {
            return new Claimed(null, seen, skip, reason, false, false);
        }

        public boolean isTaken() {
            return row != null;
        }
    }
}
