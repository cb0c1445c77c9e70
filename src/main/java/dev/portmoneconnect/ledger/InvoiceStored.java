package dev.portmoneconnect.ledger;

import java.time.Instant;

/**
 * Fired when the ledger has stored the payment link of a real (not dry-run) invoice, so that its
 * payment status can be followed from now on. It carries what that needs, so nothing is read back.
 *
 * @param portmoneRequest the createLinkPayment request Portmone received (its amount, time and lifetime)
 * @param account         the Portmone account that created it, or null when the route did not say
 * @param closeExpired    whether the step that created it closes it at Portmone once it expires unpaid
 */
public record InvoiceStored(long ledgerId, String connectionId, String recordKey, String shopOrderNumber,
                            String portmoneRequest, Instant invoicedAt, String account, boolean closeExpired) {
}
