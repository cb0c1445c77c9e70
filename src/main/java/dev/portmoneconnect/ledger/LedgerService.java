package dev.portmoneconnect.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.flow.ConnectHeaders;
import dev.portmoneconnect.flow.ChannelDelivered;
import dev.portmoneconnect.flow.ClaimFence;
import dev.portmoneconnect.flow.RecordFailure;
import dev.portmoneconnect.flow.RunControl;
import dev.portmoneconnect.ledger.LedgerRepository.Claim;
import dev.portmoneconnect.ledger.LedgerRepository.Failure;
import dev.portmoneconnect.ledger.RunCounts.Outcome;
import dev.portmoneconnect.flow.Invoice;
import dev.portmoneconnect.flow.PersonalData;
import dev.portmoneconnect.ops.ConnectMetrics;
import dev.portmoneconnect.flow.ShopOrderNumber;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * The ledger steps of a connection route. Each writes the record's state before the route makes
 * its next external call, which is what lets a run that died anywhere be resumed safely (see
 * {@link RecordStatus} for the state machine).
 */
@ApplicationScoped
public class LedgerService implements ClaimFence {

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
     * Claims the record's order for this record, or stops its route when it must not go on: already
     * delivered, failed before and unchanged, held by another record's claim, or the app is stopping
     * (see {@link RecordClaims}).
     */
    public void guard(Exchange exchange) {
        Message in = exchange.getMessage();
        Invoice invoice = in.getBody(Invoice.class);
        if (invoice == null) {
            throw new IllegalStateException("ledger:guard expects an invoice: put mapping:... before it");
        }
        RunControl control = exchange.getProperty(RunControl.PROPERTY, RunControl.class);
        if (control != null && control.isStopping()) {
            // the app is stopping: the record is left as it came, for the next run
            exchange.setRouteStop(true);
            return;
        }
        Claim claim = claim(exchange, invoiceJson(invoice), UUID.randomUUID().toString());
        Set<?> replayKeys = in.getHeader(ConnectHeaders.REPLAY_KEYS, Set.class);
        boolean replay = replayKeys != null && replayKeys.contains(claim.recordKey());

        RecordClaims.Claimed claimed = claims.claim(claim, replay);
        if (!claimed.isTaken()) {
            skip(exchange, claim, claimed);
            return;
        }
        LedgerRecord row = claimed.row();
        in.setHeader(ConnectHeaders.LEDGER_ID, row.id());
        in.setHeader(ConnectHeaders.CLAIM_ID, claim.claimId());
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

    /**
     * Proves, right before a call to Portmone or a gateway, that the record's claim still holds: a
     * run that went silent and was taken over while it was in the middle of a record sends nothing
     * more for it.
     *
     * @throws ClaimLostException when another run holds the record now
     */
    @Override
    public void proveHeld(Exchange exchange) {
        Message in = exchange.getMessage();
        Long id = in.getHeader(ConnectHeaders.LEDGER_ID, Long.class);
        String claimId = in.getHeader(ConnectHeaders.CLAIM_ID, String.class);
        if (id != null && claimId != null && !ledger.holds(id, claimId)) {
            throw new ClaimLostException(id);
        }
    }

    /** Stores the payment link as soon as Portmone gave it: from here on the record is never invoiced again. */
    public void invoiced(Exchange exchange) {
        Message in = exchange.getMessage();
        long id = in.getHeader(ConnectHeaders.LEDGER_ID, Long.class);
        boolean dryRun = isDryRun(exchange);
        boolean stored = ledger.markInvoiced(id, in.getHeader(ConnectHeaders.CLAIM_ID, String.class),
                in.getHeader(ConnectHeaders.PAYMENT_LINK, String.class),
                in.getHeader(ConnectHeaders.PORTMONE_REQUEST, String.class), dryRun);
        if (stored && !dryRun) {
            ledger.addAttempt(id, runId(exchange), connectionId(exchange), recordKey(exchange), sourceId(exchange),
                    Outcome.INVOICED, null);
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
                connectionId(exchange), recordKey(exchange), sourceId(exchange), outcome);
        if (!dryRun) {
            metrics.delivered(connectionId(exchange));
        }
        settle(exchange, dryRun ? RecordStatus.DRY_RUN : RecordStatus.DELIVERED, null, id, false);
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
        if (recordKey == null && !Failures.isInvalidRecord(failure)) {
            exchange.setProperty(RunFailure.PROPERTY, failure);
            return;
        }
        Message in = exchange.getMessage();
        Long ledgerId = in.getHeader(ConnectHeaders.LEDGER_ID, Long.class);
        String step = step(exchange, failure);
        if (failure instanceof ClaimLostException lost) {
            // the run holding the record now settles it; this one only notes that it stopped
            ledger.addAttempt(ledgerId, runId(exchange), connectionId(exchange), recordKey, sourceId(exchange),
                    Outcome.SKIPPED, new Failure(step, null, RecordClaims.SkipReason.TAKEN_OVER.name(), lost.getMessage()));
            return;
        }
        String field = Failures.stepFailure(failure).map(RecordFailure::field).orElse(null);
        Failure why = new Failure(step, field, Failures.code(failure), Failures.message(failure));
        boolean retryable = Failures.isTransient(failure);
        RecordStatus status = retryable ? RecordStatus.PARKED : RecordStatus.FAILED;
        if (ledgerId == null) {
            LedgerRepository.InvalidRecorded invalid = ledger.upsertInvalid(claim(exchange, null, null), why);
            ledgerId = invalid.row().id();
            if (invalid.row().status().hasFinalInvoice()) {
                ledger.addAttempt(ledgerId, runId(exchange), connectionId(exchange), recordKey, sourceId(exchange),
                        Outcome.SKIPPED, new Failure(step, field, why.code(),
                                "already invoiced; later change ignored: " + why.message()));
                settle(exchange, invalid.row().status(), null, ledgerId, !isSameSource(exchange, invalid.row()));
                return;
            }
            status = RecordStatus.FAILED;
        } else if (!ledger.markFailed(ledgerId, in.getHeader(ConnectHeaders.CLAIM_ID, String.class), status, why)) {
            // another run took the record over meanwhile: its outcome stands, this failure is only noted
            ledger.addAttempt(ledgerId, runId(exchange), connectionId(exchange), recordKey, sourceId(exchange),
                    Outcome.SKIPPED, new Failure(step, field, RecordClaims.SkipReason.TAKEN_OVER.name(),
                            RecordClaims.TAKEN_OVER + ": " + why.message()));
            return;
        }
        ledger.addAttempt(ledgerId, runId(exchange), connectionId(exchange), recordKey, sourceId(exchange),
                status == RecordStatus.PARKED ? Outcome.PARKED : Outcome.FAILED, why);
        if (!isDryRun(exchange)) {
            metrics.failed(connectionId(exchange));
        }
        if (Failures.isInvalidRecord(failure)) {
            Log.debugf("Connection %s record %s is invalid: %s", connectionId(exchange), PersonalData.mask(recordKey),
                    PersonalData.mask(why.message()));
        } else {
            Log.warnf("Connection %s record %s failed at %s: %s", connectionId(exchange), PersonalData.mask(recordKey),
                    step, PersonalData.mask(why.message()));
        }
        settle(exchange, status, why.message(), ledgerId, false);
    }

    /** Records one failed try that the error handler is about to repeat. */
    public void retrying(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Long ledgerId = exchange.getMessage().getHeader(ConnectHeaders.LEDGER_ID, Long.class);
        if (failure == null || ledgerId == null) {
            return;
        }
        ledger.addAttempt(ledgerId, runId(exchange), connectionId(exchange), recordKey(exchange), sourceId(exchange),
                Outcome.RETRY, new Failure(step(exchange, failure), null, Failures.code(failure),
                        Failures.message(failure)));
    }

    private void skip(Exchange exchange, Claim claim, RecordClaims.Claimed claimed) {
        LedgerRecord row = claimed.seen();
        ledger.addAttempt(row == null ? null : row.id(), claim.runId(), claim.connectionId(), claim.recordKey(),
                claim.sourceId(), Outcome.SKIPPED, new Failure("guard", null, claimed.skip().name(), claimed.reason()));
        if (row != null && claimed.settles()) {
            settle(exchange, row.status(), null, row.id(), claimed.duplicate());
        }
        exchange.setRouteStop(true);
    }

    private void settle(Exchange exchange, RecordStatus status, String error, Long recordId, boolean duplicate) {
        Message in = exchange.getMessage();
        settled.fire(new RecordSettled(connectionId(exchange), sourceId(exchange), recordKey(exchange), status,
                in.getHeader(ConnectHeaders.PAYMENT_LINK, String.class), error, isDryRun(exchange),
                in.getHeader(ConnectHeaders.TEST, false, Boolean.class), recordId, duplicate));
    }

    private static boolean isSameSource(Exchange exchange, LedgerRecord row) {
        return row.sourceId() == null || row.sourceId().equals(sourceId(exchange));
    }

    private Claim claim(Exchange exchange, String invoiceJson, String claimId) {
        Message in = exchange.getMessage();
        String connectionId = connectionId(exchange);
        String recordKey = recordKey(exchange);
        String testSuffix = in.getHeader(ConnectHeaders.TEST_SUFFIX, String.class);
        String orderNumber = testSuffix != null ? ShopOrderNumber.forTest(connectionId, testSuffix)
                : recordKey == null ? null : ShopOrderNumber.of(connectionId, recordKey);
        return new Claim(connectionId, recordKey, in.getHeader(ConnectHeaders.CONTENT_HASH, String.class),
                sourceId(exchange), orderNumber, invoiceJson, in.getHeader(ConnectHeaders.CHANNELS, String.class),
                isDryRun(exchange), runId(exchange), claimId);
    }

    private static String step(Exchange exchange, Throwable failure) {
        if (Failures.isInvalidRecord(failure)) {
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

    private static String sourceId(Exchange exchange) {
        return exchange.getMessage().getHeader(ConnectHeaders.SOURCE_ID, String.class);
    }
}
