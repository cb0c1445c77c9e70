package dev.portmoneconnect.payments;

/**
 * What one status poll of one account did.
 *
 * @param succeeded false when Portmone could not be asked (the reason is in {@code error}) or the poll was skipped
 * @param open      invoices that were open when it started
 * @param calls     calls made to Portmone ({@code result} and {@code closeInvoice})
 * @param changed   invoices whose status changed
 * @param expired   invoices marked expired
 * @param closed    expired invoices closed at Portmone
 */
public record PollReport(String account, boolean succeeded, String error, int open, int calls, int changed,
                         int expired, int closed) {

    static PollReport skipped(String account, String why) {
        return new PollReport(account, false, why, 0, 0, 0, 0, 0);
    }
}
