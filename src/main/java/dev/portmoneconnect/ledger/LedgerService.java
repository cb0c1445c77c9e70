package dev.portmoneconnect.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.connection.ConnectHeaders;
import dev.portmoneconnect.delivery.ChannelDelivered;
import dev.portmoneconnect.ledger.LedgerRepository.Claim;
import dev.portmoneconnect.ledger.LedgerRepository.Failure;
import dev.portmoneconnect.ledger.RunCounts.Outcome;
import dev.portmoneconnect.mapping.InvalidRecordException;
import dev.portmoneconnect.mapping.Invoice;
import dev.portmoneconnect.mapping.PersonalData;
import dev.portmoneconnect.ops.ConnectMetrics;
import dev.portmoneconnect.portmone.ShopOrderNumber;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.time.Clock;
import java.util.Set;

/**
 * The ledger steps of a connection route. Each writes the record's state before the route makes
 * its next external call, which is what lets a run that died anywhere be resumed safely (see
 * {@link RecordStatus} for the state machine).
 */
@ApplicationScoped
public class LedgerService {

    @Inject
    LedgerRepository ledger;

    @Inject
    RecordClaims claims;

    @Inject
    Event<RecordSettled> settled;

    @Inject
    ObjectMapper json;

    @Inject
    ConnectMetrics metrics;

    @Inject
    Event<InvoiceStored> invoiceStored;

    @Inject
    Clock clock;

    /**
     * Claims the record for this run, or stops its route when it must not go on: already delivered,
     * failed before and unchanged, or being handled by another run right now (see {@link RecordClaims}).
     */
    public void guard(Exchange exchange) {
        Message in = exchange.getMessage();
        Invoice invoice = in.getBody(Invoice.class);
        if (invoice == null) {
            throw new IllegalStateException("ledger:guard expects an invoice: put mapping:... before it");
        }
        Claim claim = claim(exchange, invoiceJson(invoice));
        Set<?> replayKeys = in.getHeader(ConnectHeaders.REPLAY_KEYS, Set.class);
        boolean replay = replayKeys != null && replayKeys.contains(claim.recordKey());

        RecordClaims.Claimed claimed = claims.claim(claim, replay);
        if (!claimed.isTaken()) {
            skip(exchange, claimed.seen(), claim, claimed.reason(), claimed.settles());
            return;
        }
        LedgerRecord row = claimed.row();
        in.setHeader(ConnectHeaders.LEDGER_ID, row.id());
        in.setHeader(ConnectHeaders.SHOP_ORDER_NUMBER, row.shopOrderNumber());
        if (row.paymentLink() != null && !claim.dryRun()) {
            in.setHeader(ConnectHeaders.PAYMENT_LINK, row.paymentLink());
        }
        if (row.deliveredChannels() != null && !claim.dryRun()) {
            in.setHeader(ConnectHeaders.DELIVERED, row.deliveredChannels());
            in.setHeader(ConnectHeaders.DELIVERY_PREVIEW, row.deliveryPreview());
            in.setHeader(ConnectHeaders.DELIVERY_PARTS, row.deliveryParts());
        }
    }

    /** Stores the payment link as soon as Portmone gave it: from here on the record is never invoiced again. */
    public void invoiced(Exchange exchange) {
        Message in = exchange.getMessage();
        long id = in.getHeader(ConnectHeaders.LEDGER_ID, Long.class);
        boolean dryRun = isDryRun(exchange);
        boolean stored = ledger.markInvoiced(id, in.getHeader(ConnectHeaders.PAYMENT_LINK, String.class),
                in.getHeader(ConnectHeaders.PORTMONE_REQUEST, String.class), dryRun);
        if (stored && !dryRun) {
            metrics.invoiced(connectionId(exchange));
            invoiceStored.fire(new InvoiceStored(id, connectionId(exchange), recordKey(exchange),
                    in.getHeader(ConnectHeaders.SHOP_ORDER_NUMBER, String.class),
                    in.getHeader(ConnectHeaders.PORTMONE_REQUEST, String.class), clock.instant(),
                    in.getHeader(ConnectHeaders.PORTMONE_ACCOUNT, String.class),
                    in.getHeader(ConnectHeaders.CLOSE_EXPIRED, false, Boolean.class)));
        }
    }

    /**
     * Keeps a channel's delivery as soon as it is sent, before the route goes on to the next channel:
     * a record retried after a later channel failed is not sent again by this one.
     */
    void channelDelivered(@Observes ChannelDelivered delivered) {
        if (delivered.ledgerId() != null) {
            ledger.markChannelDelivered(delivered.ledgerId(), delivered.channels(), delivered.preview(),
                    delivered.parts());
        }
    }

    /** Records the delivery and settles the record. */
    public void delivered(Exchange exchange) {
        Message in = exchange.getMessage();
        long id = in.getHeader(ConnectHeaders.LEDGER_ID, Long.class);
        boolean dryRun = isDryRun(exchange);
        String outcome = dryRun ? Outcome.DRY_RUN : Outcome.DELIVERED;
        ledger.markDelivered(id, in.getHeader(ConnectHeaders.DELIVERY_PREVIEW, String.class),
                in.getHeader(ConnectHeaders.DELIVERY_PARTS, Integer.class), dryRun, runId(exchange),
                connectionId(exchange), recordKey(exchange), outcome);
        if (!dryRun) {
            metrics.delivered(connectionId(exchange));
        }
        settle(exchange, dryRun ? RecordStatus.DRY_RUN : RecordStatus.DELIVERED, null);
    }

    /**
     * Records why a record failed; the error handler calls it after the last attempt. A failure
     * outside any record (the source could not be read) is left to the run.
     */
    public void failed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        if (failure == null) {
            return;
        }
        String recordKey = recordKey(exchange);
        if (recordKey == null && !(failure instanceof InvalidRecordException)) {
            exchange.setProperty(RunFailure.PROPERTY, failure);
            return;
        }
        Message in = exchange.getMessage();
        Long ledgerId = in.getHeader(ConnectHeaders.LEDGER_ID, Long.class);
        String step = step(exchange, failure);
        String field = failure instanceof InvalidRecordException invalid ? invalid.field() : null;
        Failure why = new Failure(step, field, Failures.code(failure), Failures.message(failure));
        boolean retryable = Failures.isTransient(failure);
        RecordStatus status = retryable ? RecordStatus.PARKED : RecordStatus.FAILED;
        if (ledgerId == null) {
            LedgerRecord row = ledger.upsertInvalid(claim(exchange, null), why);
            ledgerId = row.id();
            if (row.status().hasFinalInvoice()) {
                ledger.addAttempt(ledgerId, runId(exchange), connectionId(exchange), recordKey, Outcome.SKIPPED,
                        new Failure(step, field, why.code(), "already invoiced; later change ignored: " + why.message()));
                settle(exchange, row.status(), null);
                return;
            }
        } else {
            ledger.markFailed(ledgerId, status, why);
        }
        ledger.addAttempt(ledgerId, runId(exchange), connectionId(exchange), recordKey,
                status == RecordStatus.PARKED ? Outcome.PARKED : Outcome.FAILED, why);
        if (!isDryRun(exchange)) {
            metrics.failed(connectionId(exchange));
        }
        if (failure instanceof InvalidRecordException) {
            Log.debugf("Connection %s record %s is invalid: %s", connectionId(exchange), PersonalData.mask(recordKey),
                    PersonalData.mask(why.message()));
        } else {
            Log.warnf("Connection %s record %s failed at %s: %s", connectionId(exchange), PersonalData.mask(recordKey),
                    step, PersonalData.mask(why.message()));
        }
        settle(exchange, status, why.message());
    }

    /** Records one failed try that the error handler is about to repeat. */
    public void retrying(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Long ledgerId = exchange.getMessage().getHeader(ConnectHeaders.LEDGER_ID, Long.class);
        if (failure == null || ledgerId == null) {
            return;
        }
        ledger.addAttempt(ledgerId, runId(exchange), connectionId(exchange), recordKey(exchange), Outcome.RETRY,
                new Failure(step(exchange, failure), null, Failures.code(failure), Failures.message(failure)));
    }

    private void skip(Exchange exchange, LedgerRecord row, Claim claim, String reason, boolean settles) {
        ledger.addAttempt(row == null ? null : row.id(), claim.runId(), claim.connectionId(), claim.recordKey(),
                Outcome.SKIPPED, new Failure("guard", null, null, reason));
        if (row != null && settles) {
            settle(exchange, row.status(), null);
        }
        exchange.setRouteStop(true);
    }

    private void settle(Exchange exchange, RecordStatus status, String error) {
        Message in = exchange.getMessage();
        settled.fire(new RecordSettled(connectionId(exchange), in.getHeader(ConnectHeaders.SOURCE_ID, String.class),
                recordKey(exchange), status, in.getHeader(ConnectHeaders.PAYMENT_LINK, String.class), error,
                isDryRun(exchange), in.getHeader(ConnectHeaders.TEST, false, Boolean.class)));
    }

    private Claim claim(Exchange exchange, String invoiceJson) {
        Message in = exchange.getMessage();
        String connectionId = connectionId(exchange);
        String recordKey = recordKey(exchange);
        String testSuffix = in.getHeader(ConnectHeaders.TEST_SUFFIX, String.class);
        String orderNumber = testSuffix != null ? ShopOrderNumber.forTest(connectionId, testSuffix)
                : recordKey == null ? null : ShopOrderNumber.of(connectionId, recordKey);
        return new Claim(connectionId, recordKey, in.getHeader(ConnectHeaders.CONTENT_HASH, String.class),
                in.getHeader(ConnectHeaders.SOURCE_ID, String.class), orderNumber, invoiceJson,
                in.getHeader(ConnectHeaders.CHANNELS, String.class), isDryRun(exchange), runId(exchange));
    }

    private static String step(Exchange exchange, Throwable failure) {
        if (failure instanceof InvalidRecordException) {
            return "mapping";
        }
        Message in = exchange.getMessage();
        if (in.getHeader(ConnectHeaders.LEDGER_ID) == null) {
            return "guard";
        }
        return in.getHeader(ConnectHeaders.PAYMENT_LINK) == null ? "portmone" : "delivery";
    }

    private String invoiceJson(Invoice invoice) {
        try {
            return json.writeValueAsString(invoice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isDryRun(Exchange exchange) {
        return exchange.getMessage().getHeader(ConnectHeaders.DRY_RUN, false, Boolean.class);
    }

    private static String connectionId(Exchange exchange) {
        return exchange.getMessage().getHeader(ConnectHeaders.CONNECTION_ID, String.class);
    }

    private static String runId(Exchange exchange) {
        return exchange.getMessage().getHeader(ConnectHeaders.RUN_ID, String.class);
    }

    private static String recordKey(Exchange exchange) {
        return exchange.getMessage().getHeader(ConnectHeaders.RECORD_KEY, String.class);
    }
}
