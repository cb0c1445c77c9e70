package dev.portmoneconnect.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/** Invoiced, paid and outstanding invoices per connection, test sends left out. */
@ApplicationScoped
public class PaymentFigures {

    @Inject
    PaymentRepository payments;

    /**
     * Each connection's figures; sums in kopiyky.
     *
     * @param paidMinor        what Portmone reports paid
     * @param outstandingMinor the amount of the invoices still open (unpaid or declined, not expired)
     */
    public record Figures(long invoiced, long invoicedMinor, long paid, long paidMinor, long outstanding,
                          long outstandingMinor, long expired, long returned) {

        Figures add(PaymentRepository.Tally t) {
            long paidSum = t.paidMinor() > 0 ? t.paidMinor() : t.amountMinor();
            return new Figures(invoiced + t.count(), invoicedMinor + t.amountMinor(),
                    paid + (t.status() == PaymentStatus.PAID ? t.count() : 0),
                    paidMinor + (t.status() == PaymentStatus.PAID ? paidSum : 0),
                    outstanding + (t.status().isOpen() ? t.count() : 0),
                    outstandingMinor + (t.status().isOpen() ? t.amountMinor() : 0),
                    expired + (t.status() == PaymentStatus.EXPIRED ? t.count() : 0),
                    returned + (t.status() == PaymentStatus.RETURNED ? t.count() : 0));
        }
    }

    static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0);

    /** By connection id; a connection that never invoiced is not in it. */
    public Map<String, Figures> byConnection() {
        Map<String, Figures> figures = new HashMap<>();
        for (PaymentRepository.Tally tally : payments.tallies()) {
            figures.merge(tally.connectionId(), NONE.add(tally), (a, b) -> a.add(tally));
        }
        return figures;
    }
}
