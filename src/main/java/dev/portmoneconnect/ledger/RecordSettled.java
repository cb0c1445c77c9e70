package dev.portmoneconnect.ledger;

/**
 * Fired when the ledger has taken responsibility for a source record (whatever its outcome), so the
 * source may forget it: the inbox marks the record done, a sheet may write the outcome back.
 */
public record RecordSettled(String connectionId, String sourceId, String recordKey, RecordStatus status,
                            String paymentLink, String error, boolean dryRun) {
}
