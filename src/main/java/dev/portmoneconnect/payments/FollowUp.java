package dev.portmoneconnect.payments;

import java.time.Instant;

/**
 * One follow-up (a reminder, a notice, a call) of one invoice, kept so that it acts once.
 *
 * @param followUp     the follow-up's name: its {@code payments:} source's {@code followUp} option, or its connection
 * @param connectionId the connection that runs it
 * @param runId        the run that claimed it last
 * @param error        why it failed, when it did
 */
public record FollowUp(long recordId, String followUp, String connectionId, Status status, String runId,
                       Instant claimedAt, Instant doneAt, String error) {

    /**
     * CLAIMED: written before the follow-up acts; a run that stops before it is DONE leaves it claimed,
     * and it is not acted on again (at most once). FAILED: its step refused for good (no e-mail
     * address, a template missing). PARKED: it failed in a way that may pass; the next run tries again.
     */
    public enum Status {
        CLAIMED, DONE, FAILED, PARKED
    }
}
