package dev.portmoneconnect.api;

import dev.portmoneconnect.payments.FollowUp;
import dev.portmoneconnect.payments.Money;
import dev.portmoneconnect.payments.Payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An invoice's payment status, as {@code GET /api/records/{id}} shows it.
 *
 * @param amount     the invoice's amount
 * @param paidAmount what Portmone reports paid, once paid
 * @param checkedAt  when Portmone was last asked about this invoice alone
 * @param closedAt   when Portmone closed it after it expired
 * @param followUps  the reminders and notices it went through
 */
public record PaymentView(String status, Instant paidAt, BigDecimal amount, BigDecimal paidAmount, String billId,
                          String account, String portmoneStatus, Instant invoicedAt, Instant expiresAt,
                          Instant checkedAt, Instant changedAt, Instant closedAt, String closeError,
                          List<FollowUpView> followUps) {

    /** One follow-up of the invoice: which, by which connection and run, and how it went. */
    public record FollowUpView(String followUp, String connection, String status, String runId, Instant claimedAt,
                               Instant doneAt, String error) {
    }

    static PaymentView of(Payment p, List<FollowUp> followUps) {
        return new PaymentView(p.status().name(), p.paidAt(), Money.ofMinor(p.amountMinor()),
                p.paidMinor() == null ? null : Money.ofMinor(p.paidMinor()), p.billId(), p.account(),
                p.portmoneStatus(), p.invoicedAt(), p.expiresAt(), p.checkedAt(), p.changedAt(), p.closedAt(),
                p.closeError(), followUps.stream().map(f -> new FollowUpView(f.followUp(), f.connectionId(),
                        f.status().name(), f.runId(), f.claimedAt(), f.doneAt(), f.error())).toList());
    }
}
