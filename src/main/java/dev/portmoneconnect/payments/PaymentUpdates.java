package dev.portmoneconnect.payments;

import dev.portmoneconnect.flow.Invoice;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.ledger.LedgerRepository.Failure;
import dev.portmoneconnect.portmone.OrderStatus;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;

/**
 * Moves an invoice to the status Portmone confirmed, once: the row changes only if nobody changed it
 * since it was read, and the change is kept in the record's ledger history with what confirmed it.
 */
@ApplicationScoped
public class PaymentUpdates {

    /** The ledger step under which payment events are kept in a record's history. */
    public static final String STEP = "payments";

    @Inject
    PaymentRepository payments;

    @Inject
    LedgerRepository ledger;

    @Inject
    Event<PaymentChanged> changed;

    @Inject
    Clock clock;

    /**
     * @param how     what confirmed it, for the history: "poll", "notification", ...
     * @param eventId the poll or notification the change belongs to, kept as the history entry's run
     * @param checked Portmone was asked about this invoice alone
     * @return whether this call changed the invoice
     */
    public boolean apply(Payment current, Observation seen, String how, String eventId, boolean checked) {
        Instant now = clock.instant();
        if (!current.status().mayBecome(seen.status())) {
            if (checked) {
                payments.checked(current.recordId(), now);
            }
            return false;
        }
        OrderStatus item = seen.item();
        boolean payment = seen.status() == PaymentStatus.PAID || seen.status() == PaymentStatus.RETURNED;
        Instant paidAt = payment && item != null && item.payDate() != null ? item.payDate()
                : payment ? (current.paidAt() != null ? current.paidAt() : now) : null;
        Long paidMinor = null;
        if (payment) {
            paidMinor = item != null && item.billAmount() != null ? Long.valueOf(Money.toMinor(item.billAmount()))
                    : current.paidMinor() != null ? current.paidMinor() : Long.valueOf(current.amountMinor());
        }
        String billId = item != null && item.shopBillId() != null && !item.shopBillId().isBlank() ? item.shopBillId()
                : current.billId();
        String word = item != null ? item.status() : null;
        if (!payments.change(current, seen.status(), word, paidAt, paidMinor, billId, now, checked)) {
            return false;
        }
        String detail = "confirmed by Portmone's result (" + how + ")"
                + (billId == null ? "" : ", bill " + billId)
                + (paidMinor != null && paidMinor.longValue() != current.amountMinor()
                ? ", paid " + Money.format(paidMinor, "en") + " of " + Money.format(current.amountMinor(), "en") : "");
        if (paidMinor != null && paidMinor.longValue() != current.amountMinor()) {
            Log.warnf("Invoice %s: Portmone reports %s paid, the invoice was for %s", current.shopOrderNumber(),
                    Money.format(paidMinor, "en"), Money.format(current.amountMinor(), "en"));
        }
        record(current, seen.status(), word, detail, eventId);
        Log.infof("Invoice %s of %s is %s (was %s), %s", current.shopOrderNumber(), current.connectionId(),
                seen.status(), current.status(), how);
        changed.fire(new PaymentChanged(current.recordId(), current.connectionId(), current.recordKey(),
                current.sourceId(), current.status(), seen.status(),
                seen.status() == PaymentStatus.PAID ? paidAt : null));
        return true;
    }

    /** Marks an open invoice whose link has expired. @return whether this call changed it */
    public boolean expire(Payment current, String eventId) {
        if (!current.status().isOpen()) {
            return false;
        }
        Instant now = clock.instant();
        if (!payments.change(current, PaymentStatus.EXPIRED, current.portmoneStatus(), null, null, current.billId(),
                now, false)) {
            return false;
        }
        record(current, PaymentStatus.EXPIRED, null, "the link expired unpaid", eventId);
        changed.fire(new PaymentChanged(current.recordId(), current.connectionId(), current.recordKey(),
                current.sourceId(), current.status(), PaymentStatus.EXPIRED, null));
        return true;
    }

    /** Keeps a payment event in the record's ledger history. */
    public void record(Payment payment, Object outcome, String code, String message, String eventId) {
        ledger.addAttempt(payment.recordId(), eventId, payment.connectionId(), payment.recordKey(), null,
                String.valueOf(outcome), new Failure(STEP, null, code, message));
    }
}
