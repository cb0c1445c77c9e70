package dev.portmoneconnect.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.connection.TestSends;
import dev.portmoneconnect.ledger.InvoiceStored;
import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.portmone.CreateLinkPayment;
import dev.portmoneconnect.portmone.PortmoneConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts following the payment status of every real invoice: at once when the ledger stores its
 * link, and, for an invoice whose start was missed (the process stopped in between, or the invoice
 * is older than this feature), when a poll sweeps the invoices of the last days. Dry runs create
 * no invoice and are never followed. All it needs comes from the request Portmone received.
 */
@ApplicationScoped
public class PaymentTracking {

    static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** How far back a sweep looks beyond the longest link lifetime of the accounts. */
    static final Duration SWEEP_MARGIN = Duration.ofDays(1);

    @Inject
    LedgerRepository ledger;

    @Inject
    PaymentRepository payments;

    @Inject
    PortmoneConfig portmone;

    @Inject
    InvoicingSteps steps;

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    void invoiceStored(@Observes InvoiceStored event) {
        try {
            track(event);
        } catch (RuntimeException e) {
            // the invoice is made and its link stored: a sweep starts following it later
            Log.warnf("Payment status of record %d is not followed yet (a later poll takes it up): %s",
                    event.ledgerId(), e.getMessage());
        }
    }

    /** Follows the real invoices of the last days that are not followed yet. @return how many it took up */
    public int sweep() {
        Instant since = clock.instant().minus(longestLinkLifetime()).minus(SWEEP_MARGIN);
        List<Long> untracked = jdbc.list("SELECT id FROM ledger_record r WHERE r.invoiced_at >= ?"
                        + " AND r.payment_link IS NOT NULL AND r.dry_run = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM payment_status p WHERE p.record_id = r.id)",
                rs -> rs.getLong("id"), since, false);
        int taken = 0;
        for (long id : untracked) {
            Optional<LedgerRecord> found = ledger.findById(id);
            if (found.isPresent() && found.get().paymentLink() != null && !found.get().dryRun()) {
                LedgerRecord row = found.get();
                Optional<InvoicingSteps.Step> step = steps.of(row.connectionId());
                if (track(new InvoiceStored(row.id(), row.connectionId(), row.recordKey(), row.shopOrderNumber(),
                        row.portmoneRequest(), row.invoicedAt() != null ? row.invoicedAt() : row.updatedAt(),
                        step.map(InvoicingSteps.Step::account).orElse(null),
                        step.map(InvoicingSteps.Step::closeExpired).orElse(false)))) {
                    taken++;
                }
            }
        }
        if (taken > 0) {
            Log.infof("Following the payment status of %d more invoices", taken);
        }
        return taken;
    }

    /** @return whether the invoice is followed from now on */
    boolean track(InvoiceStored invoice) {
        if (invoice.portmoneRequest() == null || invoice.shopOrderNumber() == null) {
            return false;
        }
        JsonNode request;
        try {
            request = json.readTree(invoice.portmoneRequest());
        } catch (Exception e) {
            Log.warnf("Record %d: its Portmone request cannot be read, so its payment is not followed",
                    invoice.ledgerId());
            return false;
        }
        String account = invoice.account() != null ? invoice.account() : accountOf(request.path("payee"));
        if (account == null) {
            Log.warnf("Record %d: no configured Portmone account has payee %s, so its payment is not followed",
                    invoice.ledgerId(), request.path("payee").path("payeeId").asText());
            return false;
        }
        JsonNode order = request.path("order");
        long amount = Money.toMinor(new BigDecimal(order.path("billAmount").asText("0")));
        Instant expiresAt = createdAt(request.path("payee").path("dt").asText(), invoice.invoicedAt())
                .plusSeconds(order.path("expTime").asLong(portmoneLifetime(account)));
        Payment payment = new Payment(invoice.ledgerId(), invoice.connectionId(), invoice.recordKey(), null, account,
                invoice.shopOrderNumber(), amount, TestSends.isTestKey(invoice.recordKey()), invoice.closeExpired(),
                PaymentStatus.UNPAID, null, invoice.invoicedAt(), expiresAt, null, null, null, null, clock.instant(),
                null, null, 1);
        return payments.insertIfNew(payment);
    }

    private String accountOf(JsonNode payee) {
        String payeeId = payee.path("payeeId").asText();
        String login = payee.path("login").asText();
        return portmone.accounts().entrySet().stream()
                .filter(e -> e.getValue().payeeId().equals(payeeId) && e.getValue().login().equals(login))
                .map(Map.Entry::getKey).sorted().findFirst().orElse(null);
    }

    private static Instant createdAt(String dt, Instant fallback) {
        try {
            return LocalDateTime.parse(dt, DT).atZone(CreateLinkPayment.PORTMONE_ZONE).toInstant();
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private long portmoneLifetime(String account) {
        PortmoneConfig.Account config = portmone.accounts().get(account);
        return config == null ? 86400 : config.linkLifetime();
    }

    private Duration longestLinkLifetime() {
        return Duration.ofSeconds(portmone.accounts().values().stream().mapToLong(PortmoneConfig.Account::linkLifetime)
                .max().orElse(86400));
    }
}
