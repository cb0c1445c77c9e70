package dev.portmoneconnect.schedule;

import java.time.Instant;

/**
 * Fired each time a connection's schedule or its upstream connection asks it to run, with what
 * came of it.
 *
 * @param cause     "schedule" or "after:&lt;upstream connection&gt;"
 * @param plannedAt when the schedule planned the firing; null for an upstream run
 * @param runId     the run started, or null when none was
 */
public record Firing(String connectionId, String cause, Instant plannedAt, Outcome outcome, String runId) {

    public enum Outcome {
        /** A run started. */
        STARTED,
        /** A firing missed while the app was down: one catch-up run started. */
        CAUGHT_UP,
        /** A firing missed while the app was down, skipped as the connection's misfire option says. */
        MISSED_SKIPPED,
        /** The connection was running: this firing is merged into that run, no second run starts. */
        COALESCED,
        /** The connection is switched off. */
        SWITCHED_OFF,
        /** The upstream run did not end the way afterOutcome asks. */
        UPSTREAM_OUTCOME,
        /** No started route declares the connection any more. */
        NOT_RUNNING
    }
}
