package dev.portmoneconnect.api;

import dev.portmoneconnect.ledger.Run;

import java.time.Instant;

/** A run as the API shows it. */
public record RunView(String id, String connection, String trigger, String status, boolean dryRun, boolean test,
                      String instance, Instant startedAt, Instant finishedAt, Counts counts, String error) {

    public record Counts(int records, int invoiced, int delivered, int failed, int skipped) {
    }

    public static RunView of(Run run) {
        return new RunView(run.id(), run.connectionId(), run.trigger(), run.status().name(), run.dryRun(), run.test(),
                run.instanceId(), run.startedAt(), run.finishedAt(),
                new Counts(run.recordsSeen(), run.invoiced(), run.delivered(), run.failed(), run.skipped()),
                run.errorMessage());
    }
}
