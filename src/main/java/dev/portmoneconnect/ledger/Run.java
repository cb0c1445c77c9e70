package dev.portmoneconnect.ledger;

import java.time.Instant;

/**
 * One run of a connection and what it did.
 *
 * @param takenOverBy the run that took over this run's records after its process stopped
 */
public record Run(String id, String connectionId, String trigger, RunStatus status, boolean dryRun, boolean test,
                  String instanceId, Instant startedAt, Instant finishedAt, int recordsSeen, int invoiced,
                  int delivered, int failed, int skipped, String errorMessage, String takenOverBy) {
}
