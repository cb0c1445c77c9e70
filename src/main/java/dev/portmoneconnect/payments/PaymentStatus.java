package dev.portmoneconnect.payments;

import dev.portmoneconnect.portmone.OrderStatus;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an invoice's payment stands:
 *
 * <pre>
 *   UNPAID --paid--> PAID --refunded--> RETURNED
 *     |  \--declined--> REJECTED (the payer may try again while the link is payable)
 *     +--link past its expTime, unpaid--> EXPIRED
 * </pre>
 *
 * UNPAID and REJECTED are open: they are polled until they change or expire. A payment Portmone
 * confirms later still turns an EXPIRED invoice PAID.
 */
public enum PaymentStatus {
    UNPAID, PAID, REJECTED, RETURNED, EXPIRED;

    public static final Set<PaymentStatus> OPEN = EnumSet.of(UNPAID, REJECTED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /**
     * What Portmone's answer about one order says, its items taken together (an order may carry
     * several payment attempts): a refund outweighs a payment, a payment a declined attempt.
     */
    public static PaymentStatus of(Collection<OrderStatus> items) {
        boolean paid = false;
        boolean rejected = false;
        for (OrderStatus item : items) {
            if (item.is(OrderStatus.RETURN)) {
                return RETURNED;
            }
            paid |= item.is(OrderStatus.PAYED);
            rejected |= item.is(OrderStatus.REJECTED);
        }
        return paid ? PAID : rejected ? REJECTED : UNPAID;
    }

    /**
     * Whether Portmone's word may move an invoice from this status to {@code next}: a payment is
     * never undone but by a refund, an expired invoice reopens only by being paid, a refund is final.
     */
    public boolean mayBecome(PaymentStatus next) {
        if (next == this) {
            return false;
        }
        return switch (this) {
            case UNPAID -> true;
            case REJECTED -> next != UNPAID;
            case PAID -> next == RETURNED;
            case EXPIRED -> next == PAID || next == RETURNED;
            case RETURNED -> false;
        };
    }

    /** Reads {@code unpaid}, {@code PAID}, ... as the API's filters spell them. */
    public static PaymentStatus parse(String word) {
        try {
            return valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown payment status '" + word + "': one of unpaid, paid, rejected,"
                    + " returned, expired");
        }
    }
}
