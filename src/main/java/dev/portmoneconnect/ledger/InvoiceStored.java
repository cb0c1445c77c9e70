package dev.portmoneconnect.ledger;

/**
 * Fired when the ledger has stored the payment link of a real (not dry-run) invoice, so that its
 * payment status can be followed from now on.
 *
 * @param account      the Portmone account that created it, or null when the route did not say
 * @param closeExpired whether the step that created it closes it at Portmone once it expires unpaid
 */
public record InvoiceStored(long ledgerId, String connectionId, String account, boolean closeExpired) {
}
