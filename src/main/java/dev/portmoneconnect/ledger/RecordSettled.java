package dev.portmoneconnect.ledger;

/**
 * Fired when the ledger has taken responsibility for a source record (whatever its outcome), so the
 * source may forget it: the inbox marks the record done, a sheet may write the outcome back.
 *
 * @param dryRun    a rehearsal: the source record must stay as it is, for the real run
 * @param test      a test send made from the record: the source record must stay as it is too
 * @param recordId  the ledger record that holds the outcome
 * @param duplicate the source record names an order another source record holds: it was not handled again
 */
public record RecordSettled(String connectionId, String sourceId, String recordKey, RecordStatus status,
                            String paymentLink, String error, boolean dryRun, boolean test, Long recordId,
                            boolean duplicate) {
}
