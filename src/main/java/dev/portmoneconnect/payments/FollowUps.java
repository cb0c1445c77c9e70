package dev.portmoneconnect.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.flow.ConnectHeaders;
import dev.portmoneconnect.delivery.DeliveryConfig;
import dev.portmoneconnect.ledger.Failures;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.ledger.LedgerRepository.Failure;
import dev.portmoneconnect.ledger.RunCounts.Outcome;
import dev.portmoneconnect.portmone.CreateLinkPayment;
import dev.portmoneconnect.portmone.OrderStatus;
import dev.portmoneconnect.portmone.ResultQuery;
import dev.portmoneconnect.source.SourceRecord;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@code payments:} steps do. A source selects the invoices a follow-up has not acted on;
 * {@code payments:guard} decides, just before the follow-up acts on one, that it may: not acted on
 * before, the link still payable, and, for a reminder, still unpaid at Portmone this moment (a
 * payment that landed since the selection stops it). The guard claims the invoice for the
 * follow-up before anything is sent, so a follow-up acts at most once per invoice, across runs and
 * instances; {@code payments:done} records that it acted. Every outcome is kept in the invoice's
 * ledger history under the follow-up's run.
 */
@ApplicationScoped
public class FollowUps {

    /** Exchange property holding the record a follow-up is acting on. */
    public static final String RECORD = "PortmoneConnectPaymentRecord";
    static final String STEP = "payments";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    @Inject
    FollowUpRepository followUps;

    @Inject
    PaymentRepository payments;

    @Inject
    PaymentUpdates updates;

    @Inject
    PortmoneStatuses portmone;

    @Inject
    LedgerRepository ledger;

    @Inject
    DeliveryConfig delivery;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** {@code payments:unpaid|paid|expired}: the body becomes the invoices the follow-up has still to act on. */
    void select(Exchange exchange, PaymentsEndpoint source) {
        Message in = exchange.getMessage();
        if (in.getHeader(ConnectHeaders.TEST, false, Boolean.class)) {
            // a test send brings the record it sends
            return;
        }
        in.setBody(pending(source, in.getHeader(ConnectHeaders.CONNECTION_ID, String.class), source.getBatchSize()));
    }

    /** The invoices the source's follow-up has still to act on, oldest first. */
    List<PaymentRecord> pending(PaymentsEndpoint source, String connectionId, int limit) {
        String followUp = source.getFollowUp() != null && !source.getFollowUp().isBlank() ? source.getFollowUp().strip()
                : connectionId;
        if (followUp == null) {
            throw new IllegalStateException("payments:" + source.getKind() + " needs a followUp name outside a connection");
        }
        Instant now = clock.instant();
        Instant notAfter = now.minus(source.olderThanDuration());
        Instant notBefore = source.maxAgeDuration() == null ? null : now.minus(source.maxAgeDuration());
        List<PaymentRepository.Invoiced> rows = switch (source.getKind()) {
            case "unpaid" -> followUps.pending(followUp, PaymentStatus.OPEN, "invoiced_at", notAfter, notBefore, now,
                    source.connections(), limit);
            case "paid" -> followUps.pending(followUp, EnumSet.of(PaymentStatus.PAID), "paid_at", notAfter, notBefore,
                    null, source.connections(), limit);
            default -> followUps.pending(followUp, EnumSet.of(PaymentStatus.EXPIRED), "expires_at", notAfter,
                    notBefore, null, source.connections(), limit);
        };
        return rows.stream()
                .map(row -> PaymentRecord.of(row, InvoiceJson.read(json, row.invoiceJson()), source.getKind(), followUp))
                .toList();
    }

    /** One invoice as a source of that kind gives it, or null when its payment is not followed. */
    PaymentRecord record(long recordId, String kind, String followUp) {
        return payments.findInvoiced(recordId)
                .map(row -> PaymentRecord.of(row, InvoiceJson.read(json, row.invoiceJson()), kind, followUp))
                .orElse(null);
    }

    /** {@code payments:guard}: lets the follow-up act on the record, or stops the record's route with the reason. */
    void guard(Exchange exchange) {
        Message in = exchange.getMessage();
        boolean test = in.getHeader(ConnectHeaders.TEST, false, Boolean.class);
        PaymentRecord record = test && in.getBody() instanceof SourceRecord picked ? PaymentsPreview.record(this, picked)
                : in.getBody(PaymentRecord.class);
        if (record == null) {
            throw new IllegalStateException("payments:guard expects an invoice of a payments: source: put"
                    + " payments:unpaid, payments:paid or payments:expired before it, then split");
        }
        if (test) {
            // a test send shows the tester the message, whatever the invoice's state, and leaves the follow-up to act
            exchange.setProperty(RECORD, record);
            in.setBody(record);
            in.setHeader(ConnectHeaders.FOLLOW_UP, record.followUp());
            in.setHeader(ConnectHeaders.SHOP_ORDER_NUMBER, record.orderNumber());
            in.setHeader(ConnectHeaders.PAYMENT_LINK, record.paymentLink());
            payments.find(record.recordId()).ifPresent(p ->
                    in.setHeader(ConnectHeaders.MESSAGE_DATA, messageData(p, record.language())));
            return;
        }
        exchange.setProperty(RECORD, record);
        in.setHeader(ConnectHeaders.FOLLOW_UP, record.followUp());
        in.setHeader(ConnectHeaders.SHOP_ORDER_NUMBER, record.orderNumber());
        in.setHeader(ConnectHeaders.PAYMENT_LINK, record.paymentLink());
        in.removeHeader(ConnectHeaders.LEDGER_ID);
        in.removeHeader(ConnectHeaders.DELIVERED);
        boolean dryRun = dryRun(exchange);

        Optional<FollowUp> earlier = followUps.find(record.recordId(), record.followUp());
        if (earlier.isPresent() && earlier.get().status() != FollowUp.Status.PARKED) {
            FollowUp seen = earlier.get();
            skip(exchange, record, seen.status() == FollowUp.Status.DONE
                    ? "done before, by run " + seen.runId()
                    : seen.status() == FollowUp.Status.FAILED ? "failed before for good: " + seen.error()
                    : "claimed by run " + seen.runId() + ", which did not confirm it: not done again");
            return;
        }
        Optional<Payment> found = payments.find(record.recordId());
        if (found.isEmpty()) {
            skip(exchange, record, "its payment status is not followed");
            return;
        }
        Payment payment = found.get();
        Instant now = clock.instant();
        String reason = switch (record.kind()) {
            case "unpaid" -> stillUnpaid(payment, now, dryRun, runId(exchange), record.followUp());
            case "paid" -> payment.status() == PaymentStatus.PAID ? null : "it is " + payment.status() + " now";
            default -> payment.status() == PaymentStatus.EXPIRED ? null : "it is " + payment.status() + " now";
        };
        if (reason != null) {
            skip(exchange, record, reason);
            return;
        }
        if (!dryRun && !followUps.claim(record.recordId(), record.followUp(), connectionId(exchange), runId(exchange),
                now)) {
            skip(exchange, record, "another run is acting on it");
            return;
        }
        in.setHeader(ConnectHeaders.MESSAGE_DATA, messageData(payments.find(record.recordId()).orElse(payment),
                record.language()));
    }

    /**
     * Why a reminder must not go to this invoice now, or null: it must be open, its link payable, and
     * outside a dry run Portmone must still say it is unpaid.
     */
    private String stillUnpaid(Payment payment, Instant now, boolean dryRun, String runId, String followUp) {
        if (!payment.status().isOpen()) {
            return "it is " + payment.status() + " now";
        }
        if (payment.expiredAt(now)) {
            return "its link expired at " + payment.expiresAt();
        }
        if (dryRun) {
            return null;
        }
        LocalDate from = payment.invoicedAt().atZone(CreateLinkPayment.PORTMONE_ZONE).toLocalDate().minusDays(1);
        LocalDate to = now.atZone(CreateLinkPayment.PORTMONE_ZONE).toLocalDate();
        List<OrderStatus> items = portmone.result(payment.account(),
                        ResultQuery.order(payment.shopOrderNumber(), from, to)).stream()
                .filter(i -> i.shopOrderNumber().equals(payment.shopOrderNumber())).toList();
        Observation seen = Observation.of(items);
        updates.apply(payment, seen, "checked before " + followUp, runId, true);
        return seen.status().isOpen() ? null : "Portmone says it is " + seen.status() + " now";
    }

    /** {@code payments:done}: the follow-up acted on the record. */
    void done(Exchange exchange) {
        PaymentRecord record = exchange.getProperty(RECORD, PaymentRecord.class);
        if (record == null) {
            throw new IllegalStateException("payments:done needs payments:guard before it");
        }
        String runId = runId(exchange);
        String preview = exchange.getMessage().getHeader(ConnectHeaders.DELIVERY_PREVIEW, String.class);
        String what = record.followUp() + (preview == null ? "" : ": " + firstLines(preview));
        if (dryRun(exchange)) {
            attempt(exchange, record, Outcome.REHEARSED, null, "dry run, nothing sent: " + what);
            return;
        }
        if (exchange.getMessage().getHeader(ConnectHeaders.TEST, false, Boolean.class)) {
            attempt(exchange, record, Outcome.SENT, null, "test send, the follow-up still to act: " + what);
            return;
        }
        if (!followUps.done(record.recordId(), record.followUp(), runId, clock.instant())) {
            Log.warnf("Follow-up %s of invoice %s ended after its claim had changed", record.followUp(),
                    record.orderNumber());
        }
        attempt(exchange, record, Outcome.SENT, null, what);
    }

    /** What the shared error handling calls for a follow-up's record that failed. */
    void failed(Exchange exchange) {
        PaymentRecord record = exchange.getProperty(RECORD, PaymentRecord.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        if (record == null || failure == null) {
            return;
        }
        boolean retry = Failures.isTransient(failure);
        String message = Failures.message(failure);
        if (!dryRun(exchange) && !exchange.getMessage().getHeader(ConnectHeaders.TEST, false, Boolean.class)) {
            followUps.failed(record.recordId(), record.followUp(), runId(exchange),
                    retry ? FollowUp.Status.PARKED : FollowUp.Status.FAILED, message);
        }
        attempt(exchange, record, retry ? Outcome.PARKED : Outcome.FAILED, Failures.code(failure),
                record.followUp() + ": " + message);
        Log.warnf("Follow-up %s of invoice %s failed%s: %s", record.followUp(), record.orderNumber(),
                retry ? " (the next run tries again)" : "", message);
    }

    private void skip(Exchange exchange, PaymentRecord record, String reason) {
        attempt(exchange, record, Outcome.SKIPPED, null, record.followUp() + ": " + reason);
        exchange.setRouteStop(true);
    }

    private void attempt(Exchange exchange, PaymentRecord record, String outcome, String code, String message) {
        ledger.addAttempt(record.recordId(), runId(exchange), connectionId(exchange), record.recordKey(),
                exchange.getMessage().getHeader(ConnectHeaders.SOURCE_ID, String.class), outcome,
                new Failure(STEP, null, code, message));
    }

    /** What the follow-up's message templates can use beside the invoice's own fields. */
    static Map<String, Object> messageData(Payment payment, String language) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("amountText", Money.format(payment.amountMinor(), language));
        data.put("status", payment.status().name());
        data.put("invoicedAt", shown(payment.invoicedAt()));
        data.put("expiresAt", shown(payment.expiresAt()));
        data.put("paidAt", shown(payment.paidAt()));
        data.put("paidAmountText", payment.paidMinor() == null ? "" : Money.format(payment.paidMinor(), language));
        data.put("billId", payment.billId() == null ? "" : payment.billId());
        return data;
    }

    private static String shown(Instant at) {
        return at == null ? "" : SHOWN.format(at.atZone(CreateLinkPayment.PORTMONE_ZONE));
    }

    private static String firstLines(String preview) {
        String[] lines = preview.split("\n", 3);
        String head = lines.length > 1 ? lines[0] + "; " + lines[1] : lines[0];
        return head.length() > 500 ? head.substring(0, 500) + "…" : head;
    }

    private boolean dryRun(Exchange exchange) {
        return delivery.dryRun() || exchange.getMessage().getHeader(ConnectHeaders.DRY_RUN, false, Boolean.class);
    }

    private static String runId(Exchange exchange) {
        return exchange.getMessage().getHeader(ConnectHeaders.RUN_ID, String.class);
    }

    private static String connectionId(Exchange exchange) {
        return exchange.getMessage().getHeader(ConnectHeaders.CONNECTION_ID, String.class);
    }
}
