package dev.portmoneconnect.ledger;

import java.util.Map;

/**
 * Per-run tallies, derived from the attempts recorded during the run. Each source record a run
 * handles to its end gets one final attempt (delivered, rehearsed, failed, parked or skipped);
 * {@code invoiced} counts the invoices the run itself created, so a replay that only delivers a
 * stored link counts none. A follow-up's record (a reminder, a notice) counts as delivered when it
 * was sent, and as invoiced never.
 */
public record RunCounts(int recordsSeen, int invoiced, int delivered, int failed, int skipped) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0);

    public static RunCounts from(Map<String, Integer> outcomes) {
        int delivered = outcomes.getOrDefault(Outcome.DELIVERED, 0);
        int dryRun = outcomes.getOrDefault(Outcome.DRY_RUN, 0);
        int failed = outcomes.getOrDefault(Outcome.FAILED, 0) + outcomes.getOrDefault(Outcome.PARKED, 0);
        int skipped = outcomes.getOrDefault(Outcome.SKIPPED, 0);
        int sent = outcomes.getOrDefault(Outcome.SENT, 0);
        int rehearsed = outcomes.getOrDefault(Outcome.REHEARSED, 0);
        int invoiced = outcomes.getOrDefault(Outcome.INVOICED, 0) + dryRun;
        return new RunCounts(delivered + dryRun + failed + skipped + sent + rehearsed, invoiced, delivered + sent, failed,
                skipped);
    }

    /** Outcome words stored per attempt. */
    public static final class Outcome {
        public static final String DELIVERED = "DELIVERED";
        /** The run created the record's invoice (not final: delivery comes next). */
        public static final String INVOICED = "INVOICED";
        public static final String DRY_RUN = "DRY_RUN";
        public static final String FAILED = "FAILED";
        public static final String PARKED = "PARKED";
        public static final String SKIPPED = "SKIPPED";
        /** A failed try the error handler repeats (not final). */
        public static final String RETRY = "RETRY";
        /** A follow-up of an invoice (a reminder, a notice) acted. */
        public static final String SENT = "SENT";
        /** A follow-up of an invoice went through a dry run: built, nothing sent. */
        public static final String REHEARSED = "REHEARSED";

        private Outcome() {
        }

        /** Whether the outcome ends the record's handling in its run. */
        public static boolean isFinal(String outcome) {
            return !INVOICED.equals(outcome) && !RETRY.equals(outcome);
        }
    }
}
