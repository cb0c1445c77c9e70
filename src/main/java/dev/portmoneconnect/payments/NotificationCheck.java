package dev.portmoneconnect.payments;

import dev.portmoneconnect.delivery.DeliveryConfig;
import dev.portmoneconnect.portmone.CreateLinkPayment;
import dev.portmoneconnect.portmone.OrderStatus;
import dev.portmoneconnect.portmone.PortmoneException;
import dev.portmoneconnect.portmone.ResultQuery;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Confirms what a payment notification claims by asking Portmone's {@code result} about the order,
 * and changes the invoice only to what {@code result} says. A notification about an order the app
 * never invoiced asks Portmone nothing; one that {@code result} does not bear out changes nothing.
 * Either is logged once, however often it is repeated.
 */
@ApplicationScoped
public class NotificationCheck {

    /** Portmone is asked about one order at most this often, however many notifications name it. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
    private static final int REMEMBERED = 1000;

    @Inject
    PaymentRepository payments;

    @Inject
    PaymentUpdates updates;

    @Inject
    PortmoneStatuses portmone;

    @Inject
    DeliveryConfig delivery;

    @Inject
    Clock clock;

    private final Set<String> logged = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    /** What came of one order of a notification. */
    public enum Outcome {
        /** Portmone's result bears the notification out; the invoice shows it. */
        CONFIRMED,
        /** The invoice was known paid (or refunded) already. */
        KNOWN,
        /** The app never invoiced the order under this account. */
        UNKNOWN,
        /** Portmone's result does not bear the notification out, or cannot be asked yet. */
        NOT_CONFIRMED,
        /** Portmone could not be asked. */
        UNAVAILABLE;

        public boolean accepted() {
            return this == CONFIRMED || this == KNOWN;
        }
    }

    public Outcome check(String account, PortmoneNotification.Claim claim, String notificationId) {
        Optional<Payment> found = payments.findByOrder(account, claim.shopOrderNumber());
        if (found.isEmpty()) {
            logOnce(account, claim, "names an order this app never invoiced under the account; nothing changed");
            return Outcome.UNKNOWN;
        }
        Payment payment = found.get();
        if (payment.status() == PaymentStatus.PAID || payment.status() == PaymentStatus.RETURNED) {
            return Outcome.KNOWN;
        }
        if (delivery.dryRun()) {
            logOnce(account, claim, "cannot be confirmed in a dry run (Portmone is not asked); nothing changed");
            return Outcome.NOT_CONFIRMED;
        }
        Instant now = clock.instant();
        if (payment.checkedAt() != null && payment.checkedAt().plus(MIN_INTERVAL).isAfter(now)) {
            return Outcome.NOT_CONFIRMED;
        }
        List<OrderStatus> items;
        try {
            LocalDate from = payment.invoicedAt().atZone(CreateLinkPayment.PORTMONE_ZONE).toLocalDate().minusDays(1);
            LocalDate to = now.atZone(CreateLinkPayment.PORTMONE_ZONE).toLocalDate();
            items = portmone.result(account, ResultQuery.order(payment.shopOrderNumber(), from, to)).stream()
                    .filter(i -> i.shopOrderNumber().equals(payment.shopOrderNumber())).toList();
        } catch (PortmoneException e) {
            Log.warnf("Payment notification for %s could not be confirmed now (%s): %s", claim.shopOrderNumber(),
                    e.errorCode(), e.getMessage());
            return Outcome.UNAVAILABLE;
        }
        Observation seen = Observation.of(items);
        boolean changed = updates.apply(payment, seen, "notification", notificationId, true);
        if (changed || seen.status() != PaymentStatus.UNPAID) {
            return Outcome.CONFIRMED;
        }
        logOnce(account, claim, "is not borne out by Portmone's result (the order is unpaid there); nothing changed");
        return Outcome.NOT_CONFIRMED;
    }

    private void logOnce(String account, PortmoneNotification.Claim claim, String what) {
        String key = account + "\n" + claim.shopOrderNumber() + "\n" + claim.billId() + "\n" + what;
        if (logged.add(key)) {
            Log.warnf("Payment notification to account %s for order %s (bill %s) %s", account,
                    printable(claim.shopOrderNumber()), claim.billId().isEmpty() ? "-" : printable(claim.billId()), what);
        } else {
            Log.debugf("Payment notification for order %s repeated: %s", printable(claim.shopOrderNumber()), what);
        }
    }

    /** A value from an untrusted request, fit for one log line. */
    static String printable(String value) {
        String cut = value.length() > 120 ? value.substring(0, 120) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
