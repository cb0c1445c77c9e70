package dev.portmoneconnect.ledger;

import java.time.Instant;

/**
 * One row of the ledger: everything known about one source record of one connection.
 *
 * @param deliveryChannels  the channels the connection delivers by (from its mapping)
 * @param deliveredChannels the channels that have delivered the link so far, comma-separated, or null
 * @param deliveryParts     SMS parts sent when the link went by SMS, 1 for e-mail alone
 */
public record LedgerRecord(long id, String connectionId, String recordKey, String contentHash, String sourceId,
                           RecordStatus status, int version, String shopOrderNumber, String paymentLink,
                           String invoiceJson, String portmoneRequest, String deliveryChannels,
                           String deliveryPreview, Integer deliveryParts, String deliveredChannels, String errorStep, String errorField,
                           String errorCode, String errorMessage, int attempts, boolean dryRun, String lastRunId,
                           Instant createdAt, Instant updatedAt, Instant invoicedAt, Instant deliveredAt) {
}
