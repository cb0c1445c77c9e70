package dev.portmoneconnect.payments;

import dev.portmoneconnect.portmone.OrderStatus;

import java.util.Collection;

/**
 * What Portmone's {@code result} says about one order.
 *
 * @param status the status its items add up to
 * @param item   the item that says so (the payment, the refund), or null when none does
 */
public record Observation(PaymentStatus status, OrderStatus item) {

    public static Observation of(Collection<OrderStatus> items) {
        PaymentStatus status = PaymentStatus.of(items);
        String word = switch (status) {
            case PAID -> OrderStatus.PAYED;
            case RETURNED -> OrderStatus.RETURN;
            case REJECTED -> OrderStatus.REJECTED;
            default -> null;
        };
        OrderStatus decisive = word == null ? null
                : items.stream().filter(i -> i.is(word)).reduce((a, b) -> b).orElse(null);
        return new Observation(status, decisive);
    }
}
