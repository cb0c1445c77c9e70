package dev.portmoneconnect.ledger;

import java.time.Instant;

/**
 * What one run did to one record: its outcome and, for a failure, the step, field and reason.
 *
 * @param sourceId the source record the attempt was about (two source records can name one order)
 */
public record RecordAttempt(long id, Long recordId, String runId, String connectionId, String recordKey,
                            String outcome, String step, String errorField, String errorCode, String errorMessage,
                            Instant at, String sourceId) {
}
