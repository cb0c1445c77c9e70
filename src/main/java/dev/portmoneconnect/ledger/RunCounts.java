package dev.portmoneconnect.ledger;

import java.util.Map;

/** Per-run tallies, derived from the attempts recorded during the run. */
public record RunCounts(int recordsSeen, int invoiced, int delivered, int failed, int skipped) {

    public static RunCounts from(Map<String, Integer> outcomes) {
        int delivered = outcomes.getOrDefault(Outcome.DELIVERED, 0);
        int dryRun = outcomes.getOrDefault(Outcome.DRY_RUN, 0);
        int failed = outcomes.getOrDefault(Outcome.FAILED, 0) + outcomes.getOrDefault(Outcome.PARKED, 0);
        int skipped = outcomes.getOrDefault(Outcome.SKIPPED, 0);
        int invoiced = outcomes.getOrDefault(Outcome.INVOICED, 0) + delivered + dryRun;
        return new RunCounts(invoiced + failed + skipped, invoiced, delivered, failed, skipped);
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

        private Outcome() {
        }
    }
}
