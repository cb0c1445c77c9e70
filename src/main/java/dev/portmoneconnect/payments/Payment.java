package dev.portmoneconnect.payments;

import java.time.Instant;

/**
 * The payment status of one invoice, as {@code payment_status} keeps it beside its ledger record.
 *
 * @param amountMinor   the invoice's amount in kopiyky
 * @param testSend      made by a test send: shown, never followed up, not in the figures
 * @param closeExpired  closed at Portmone once it expires unpaid
 * @param portmoneStatus Portmone's own word at the last change (PAYED, RETURN, ...), or null
 * @param paidMinor     the amount Portmone reports paid, in kopiyky, or null
 * @param checkedAt     when Portmone was last asked about this invoice alone, or null
 * @param closedAt      when Portmone closed it, or null
 * @param closeError    why Portmone refused to close it, or null
 */
public record Payment(long recordId, String connectionId, String recordKey, String sourceId, String account,
                      String shopOrderNumber, long amountMinor, boolean testSend, boolean closeExpired,
                      PaymentStatus status, String portmoneStatus, Instant invoicedAt, Instant expiresAt,
                      Instant paidAt, Long paidMinor, String billId, Instant checkedAt, Instant changedAt,
                      Instant closedAt, String closeError, int version) {

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
