package dev.portmoneconnect.ledger;

import java.util.Map;

/**
 * Per-run tallies, derived from the attempts recorded during the run. A follow-up's record (a
 * reminder, a notice) counts as delivered when it was sent, and as invoiced never.
 */
public record RunCounts(int recordsSeen, int invoiced, int delivered, int failed, int skipped) {

    public static RunCounts from(Map<String, Integer> outcomes) {
        int delivered = outcomes.getOrDefault(Outcome.DELIVERED, 0);
        int dryRun = outcomes.getOrDefault(Outcome.DRY_RUN, 0);
        int failed = outcomes.getOrDefault(Outcome.FAILED, 0) + outcomes.getOrDefault(Outcome.PARKED, 0);
        int skipped = outcomes.getOrDefault(Outcome.SKIPPED, 0);
        int invoiced = outcomes.getOrDefault(Outcome.INVOICED, 0) + delivered + dryRun;
        int sent = outcomes.getOrDefault(Outcome.SENT, 0);
        int rehearsed = outcomes.getOrDefault(Outcome.REHEARSED, 0);
        return new RunCounts(invoiced + failed + skipped + sent + rehearsed, invoiced, delivered + sent, failed, skipped);
    }

    /** Outcome words stored per attempt. */
    public static final class Outcome {
        public static final String DELIVERED = "DELIVERED";
        public static final String INVOICED = "INVOICED";
        public static final String DRY_RUN = "DRY_RUN";
        public static final String FAILED = "FAILED";
        public static final String PARKED = "PARKED";
        public static final String SKIPPED = "SKIPPED";
        public static final String RETRY = "RETRY";
        /** A follow-up of an invoice (a reminder, a notice) acted. */
        public static final String SENT = "SENT";
        /** A follow-up of an invoice went through a dry run: built, nothing sent. */
        public static final String REHEARSED = "REHEARSED";

        private Outcome() {
        }
    }
}
