package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.LedgerRecord;

/** How a source shows a record's outcome to the people who keep the source: a status word and the reason. */
public final class SourceOutcome {

    public static final String SENT = "Sent";
    public static final String INVOICED = "Invoiced";
    public static final String FAILED = "Failed";
    public static final String PENDING = "Pending";

    private SourceOutcome() {
    }

    /** {@code Sent}, {@code Invoiced}, {@code Failed}, or {@code Pending} while the ledger has no outcome. */
    public static String status(LedgerRecord outcome) {
        if (outcome == null) {
            return PENDING;
        }
        return switch (outcome.status()) {
            case DELIVERED -> SENT;
            case INVOICED -> INVOICED;
            case FAILED, PARKED -> FAILED;
            case RECEIVED, DRY_RUN -> PENDING;
        };
    }

    /** Why a record failed, or null. */
    public static String reason(LedgerRecord outcome) {
        return outcome == null || !FAILED.equals(status(outcome)) ? null : outcome.errorMessage();
    }
}
