package dev.portmoneconnect.payments;

import java.time.Instant;

/**
 * Fired after an invoice's payment status changed in the database.
 *
 * @param sourceId where the invoice's record lives in its source (a sheet row, an inbox id)
 * @param paidAt   when it was paid, null unless {@code to} is PAID
 */
public record PaymentChanged(long recordId, String connectionId, String recordKey, String sourceId,
                             PaymentStatus from, PaymentStatus to, Instant paidAt) {
}
