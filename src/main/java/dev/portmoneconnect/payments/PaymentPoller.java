package dev.portmoneconnect.payments;

import dev.portmoneconnect.flow.Invoice;
import dev.portmoneconnect.delivery.DeliveryConfig;
import dev.portmoneconnect.ledger.Failures;
import dev.portmoneconnect.portmone.CreateLinkPayment;
import dev.portmoneconnect.portmone.OrderStatus;
import dev.portmoneconnect.portmone.PortmoneConfig;
import dev.portmoneconnect.portmone.PortmoneException;
import dev.portmoneconnect.portmone.PortmoneResult;
import dev.portmoneconnect.portmone.ResultQuery;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One status poll of one Portmone account. It asks {@code result} for every order of the days its
 * open invoices were made in, a month of days per call, so a poll costs a few calls however many
 * invoices are open; then it moves each invoice to what Portmone says, marks those whose link has
 * expired, and closes the expired ones whose invoicing step asks for it. Invoices that are paid,
 * refunded or expired are not asked about again.
 */
@ApplicationScoped
public class PaymentPoller {

    @Inject
    PaymentRepository payments;

    @Inject
    PaymentUpdates updates;

    @Inject
    PortmoneStatuses portmone;

    @Inject
    PortmoneConfig config;

    @Inject
    DeliveryConfig delivery;

    @Inject
    Clock clock;

    private final Set<String> warnedNoPassword = ConcurrentHashMap.newKeySet();

    public PollReport poll(String account) {
        String pollId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        PortmoneConfig.Account settings = config.accounts().get(account);
        if (settings == null) {
            throw new IllegalArgumentException("No Portmone account '" + account + "' is configured");
        }
        if (delivery.dryRun()) {
            return skipped(account, started, "dry run: Portmone is not asked");
        }
        if (settings.password().filter(p -> !p.isBlank()).isEmpty()) {
            String why = "no password: set portmone.accounts." + account + ".password to follow payments";
            if (warnedNoPassword.add(account)) {
                Log.warnf("Payment status of account %s is not followed: %s", account, why);
            }
            return skipped(account, started, why);
        }
        Counter counter = new Counter();
        try {
            List<Payment> open = payments.open(account);
            if (!open.isEmpty()) {
                Map<String, Payment> byOrder = new HashMap<>();
                open.forEach(p -> byOrder.put(p.shopOrderNumber(), p));
                Map<String, List<OrderStatus>> answered = ask(account, open, counter);
                apply(account, byOrder, answered, pollId, counter);
                expire(byOrder, pollId, counter);
            }
            close(account, pollId, counter);
            payments.savePoll(account, started, true, counter.calls, counter.changed, null);
            if (counter.changed > 0 || counter.expired > 0) {
                Log.infof("Payment status of account %s: %d open invoices, %d calls, %d changed, %d expired, %d closed",
                        account, open.size(), counter.calls, counter.changed, counter.expired, counter.closed);
            }
            return new PollReport(account, true, null, open.size(), counter.calls, counter.changed, counter.expired,
                    counter.closed);
        } catch (PortmoneException e) {
            String error = Failures.message(e);
            payments.savePoll(account, started, false, counter.calls, counter.changed, error);
            Log.warnf("Payment status of account %s could not be asked (%s): %s; the next poll tries again", account,
                    e.errorCode(), error);
            return new PollReport(account, false, error, 0, counter.calls, counter.changed, counter.expired,
                    counter.closed);
        }
    }

    private PollReport skipped(String account, Instant at, String why) {
        payments.savePoll(account, at, false, 0, 0, why);
        return PollReport.skipped(account, why);
    }

    /** Every order of the days the open invoices were made in, a range of days per call. */
    private Map<String, List<OrderStatus>> ask(String account, List<Payment> open, Counter counter) {
        Instant oldest = open.stream().map(Payment::invoicedAt).min(Comparator.naturalOrder()).orElseThrow();
        // a day earlier than the oldest, in case Portmone dates its orders in another time zone
        LocalDate from = oldest.atZone(CreateLinkPayment.PORTMONE_ZONE).toLocalDate().minusDays(1);
        LocalDate to = clock.instant().atZone(CreateLinkPayment.PORTMONE_ZONE).toLocalDate();
        Map<String, List<OrderStatus>> answered = new HashMap<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(PortmoneResult.MAX_RANGE_DAYS)) {
            LocalDate end = start.plusDays(PortmoneResult.MAX_RANGE_DAYS - 1L);
            counter.calls++;
            for (OrderStatus item : portmone.result(account, ResultQuery.range(start, end.isAfter(to) ? to : end))) {
                answered.computeIfAbsent(item.shopOrderNumber(), k -> new ArrayList<>()).add(item);
            }
        }
        return answered;
    }

    private void apply(String account, Map<String, Payment> open, Map<String, List<OrderStatus>> answered,
                       String pollId, Counter counter) {
        List<String> refundedElsewhere = new ArrayList<>();
        for (Map.Entry<String, List<OrderStatus>> order : answered.entrySet()) {
            Payment payment = open.get(order.getKey());
            if (payment == null) {
                if (order.getValue().stream().anyMatch(i -> i.is(OrderStatus.RETURN))) {
                    refundedElsewhere.add(order.getKey());
                }
                continue;
            }
            Observation seen = Observation.of(order.getValue());
            if (updates.apply(payment, seen, "poll", pollId, false)) {
                counter.changed++;
                if (!seen.status().isOpen()) {
                    open.remove(order.getKey());
                }
            }
        }
        // a refund of an invoice paid (or expired) earlier: few, so looked up by order number
        if (!refundedElsewhere.isEmpty()) {
            for (Payment payment : payments.findByOrders(account, refundedElsewhere).values()) {
                if (updates.apply(payment, Observation.of(answered.get(payment.shopOrderNumber())), "poll", pollId,
                        false)) {
                    counter.changed++;
                }
            }
        }
    }

    /** Open invoices whose link has expired, and that Portmone did not report paid just now. */
    private void expire(Map<String, Payment> open, String pollId, Counter counter) {
        Instant now = clock.instant();
        for (Payment payment : open.values()) {
            if (payment.expiredAt(now)) {
                // re-read: the answer above may have changed it (a declined attempt)
                payments.find(payment.recordId()).filter(p -> p.status().isOpen())
                        .ifPresent(current -> {
                            if (updates.expire(current, pollId)) {
                                counter.expired++;
                            }
                        });
            }
        }
    }

    private void close(String account, String pollId, Counter counter) {
        for (Payment payment : payments.toClose(account)) {
            try {
                counter.calls++;
                portmone.close(account, payment.shopOrderNumber());
                payments.closed(payment.recordId(), clock.instant());
                updates.record(payment, "CLOSED", null, "closed at Portmone (closeInvoice) after it expired", pollId);
                counter.closed++;
            } catch (PortmoneException e) {
                if (e.isTransient()) {
                    throw e;
                }
                payments.closeRefused(payment.recordId(), Failures.message(e));
                updates.record(payment, "CLOSE_FAILED", e.errorCode(),
                        "Portmone refused to close it: " + Failures.message(e), pollId);
                Log.warnf("Invoice %s: Portmone refused to close it (%s): %s", payment.shopOrderNumber(),
                        e.errorCode(), e.getMessage());
            }
        }
    }

    private static final class Counter {
        int calls;
        int changed;
        int expired;
        int closed;
    }
}
