package dev.portmoneconnect.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.api.ConnectionOverview;
import dev.portmoneconnect.api.ConnectionView;
import dev.portmoneconnect.connection.TestSends;
import dev.portmoneconnect.dashboard.Views.ConnectionCard;
import dev.portmoneconnect.dashboard.Views.FailedRecord;
import dev.portmoneconnect.dashboard.Views.FieldProblem;
import dev.portmoneconnect.dashboard.Views.FieldValue;
import dev.portmoneconnect.dashboard.Views.Message;
import dev.portmoneconnect.dashboard.Views.PreviewPage;
import dev.portmoneconnect.dashboard.Views.RecordOutcome;
import dev.portmoneconnect.dashboard.Views.RecordPreview;
import dev.portmoneconnect.dashboard.Views.RunRow;
import dev.portmoneconnect.dashboard.Views.Attention;
import dev.portmoneconnect.dashboard.Views.PaymentSummary;
import dev.portmoneconnect.dashboard.Views.UnpaidInvoice;
import dev.portmoneconnect.payments.InvoiceJson;
import dev.portmoneconnect.payments.Money;
import dev.portmoneconnect.payments.Payment;
import dev.portmoneconnect.payments.PaymentFigures;
import dev.portmoneconnect.payments.PaymentRepository;
import dev.portmoneconnect.payments.PaymentStatus;
import dev.portmoneconnect.dashboard.Views.StartProblem;
import dev.portmoneconnect.delivery.MoneyText;
import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.ledger.RecordAttempt;
import dev.portmoneconnect.ledger.RecordRuns;
import dev.portmoneconnect.ledger.RecordStatus;
import dev.portmoneconnect.ledger.Run;
import dev.portmoneconnect.ledger.RunRepository;
import dev.portmoneconnect.flow.Invoice;
import dev.portmoneconnect.preview.ConnectionPreview;
import dev.portmoneconnect.reasons.Reasons;
import dev.portmoneconnect.schedule.ConnectionTrigger;
import dev.portmoneconnect.schedule.ConnectionTriggers;
import dev.portmoneconnect.schedule.TriggerWords;
import dev.portmoneconnect.source.InboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what the dashboard's pages show and formats it for people. */
@ApplicationScoped
class DashboardData {

    static final int RUNS_SHOWN = 20;
    static final int FAILED_SHOWN = 50;
    static final int UNPAID_SHOWN = 50;

    private static final ZoneId SHOWN_IN = ZoneId.of(ConnectionTrigger.DEFAULT_TIME_ZONE);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    @Inject
    ConnectionOverview overview;

    @Inject
    ConnectionTriggers triggers;

    @Inject
    RunRepository runs;

    @Inject
    LedgerRepository ledger;

    @Inject
    ObjectMapper json;

    @Inject
    PaymentFigures paymentFigures;

    @Inject
    PaymentRepository payments;

    @Inject
    Clock clock;

    @Inject
    InboxRepository inbox;

    List<ConnectionCard> connections(String lang) {
        Map<String, PaymentFigures.Figures> figures = paymentFigures.byConnection();
        return overview.all().stream().map(view -> card(view, lang, figures.get(view.id()))).toList();
    }

    /** @throws dev.portmoneconnect.connection.UnknownConnectionException when no route declares it */
    ConnectionCard connection(String connectionId, String lang) {
        return card(overview.one(connectionId), lang, paymentFigures.byConnection().get(connectionId));
    }

    /** The connection's invoices still waiting for their payment, oldest first. */
    List<UnpaidInvoice> unpaid(String connectionId, String lang) {
        Instant now = clock.instant();
        return payments.openOf(connectionId, UNPAID_SHOWN).stream().map(row -> {
            Payment p = row.payment();
            Invoice invoice = InvoiceJson.read(json, row.invoiceJson());
            return new UnpaidInvoice(p.recordId(), p.shopOrderNumber(), invoice == null ? null : invoice.payerName(),
                    Money.format(p.amountMinor(), lang), when(p.invoicedAt()),
                    age(Duration.between(p.invoicedAt(), now), Language.labels(lang)), when(p.expiresAt()),
                    p.status() == PaymentStatus.REJECTED);
        }).toList();
    }

    static PaymentSummary summary(PaymentFigures.Figures f, String lang) {
        return f == null ? null : new PaymentSummary(f.invoiced(), Money.format(f.invoicedMinor(), lang), f.paid(),
                Money.format(f.paidMinor(), lang), f.outstanding(), Money.format(f.outstandingMinor(), lang),
                f.expired(), f.returned());
    }

    /** How long, in the page's words: days and hours, hours and minutes, or minutes. */
    static String age(Duration open, Labels labels) {
        long minutes = Math.max(0, open.toMinutes());
        if (minutes >= 24 * 60) {
            return labels.ageDaysHours(minutes / (24 * 60), minutes / 60 % 24);
        }
        if (minutes >= 60) {
            return labels.ageHoursMinutes(minutes / 60, minutes % 60);
        }
        return labels.ageMinutes(minutes);
    }

    List<RunRow> runs(String connectionId, String lang) {
        return runs.recent(connectionId, RUNS_SHOWN).stream().map(run -> row(run, lang)).toList();
    }

    Optional<RunRow> run(String runId, String lang) {
        return runs.find(runId).map(run -> row(run, lang));
    }

    List<FailedRecord> failedRecords(String connectionId, String lang) {
        return ledger.findByStatus(connectionId, EnumSet.of(RecordStatus.FAILED, RecordStatus.PARKED), FAILED_SHOWN)
                .stream()
                .map(r -> new FailedRecord(r.id(), r.recordKey(), r.status().name(), r.errorStep(),
                        Reasons.fieldLabel(lang, r.errorField()), r.errorCode(),
                        Reasons.show(lang, r.errorStep(), r.errorCode(), r.errorMessage()), when(r.updatedAt()),
                        r.lastRunId(), replayable(r)))
                .toList();
    }

    /** One row per source record the run handled, showing how the run ended it. */
    List<RecordOutcome> outcomes(String runId, String lang) {
        Map<Long, Optional<LedgerRecord>> rows = new HashMap<>();
        return RecordRuns.fold(ledger.attemptsOfRun(runId)).stream().map(RecordRuns.RecordRun::outcome).map(a -> {
            LedgerRecord row = a.recordId() == null ? null
                    : rows.computeIfAbsent(a.recordId(), ledger::findById).orElse(null);
            return outcome(a, row, lang);
        }).toList();
    }

    PreviewPage preview(ConnectionPreview preview, String lang) {
        return new PreviewPage(preview.source(), preview.records().stream().map(r -> recordPreview(r, lang)).toList());
    }

    private RecordPreview recordPreview(ConnectionPreview.RecordPreview r, String lang) {
        Invoice invoice = r.invoice();
        List<Message> messages = r.messages().stream().map(m -> new Message(m.channel(), m.to(), m.subject(), m.body(),
                "email".equals(m.channel()), m.parts(), m.encoding(), Reasons.show(lang, "delivery", null, m.error())))
                .toList();
        List<FieldValue> fields = r.fields().entrySet().stream()
                .map(e -> new FieldValue(e.getKey(), String.valueOf(e.getValue()))).toList();
        return new RecordPreview(r.sourceId(), fields, r.recordKey(), r.valid(),
                r.errors().stream().map(e -> new FieldProblem(Reasons.fieldLabel(lang, e.field()),
                        Reasons.showRule(lang, e.code(), e.reason()))).toList(),
                invoice == null ? null : invoice.payerName(), invoice == null ? null : invoice.payerEmail(),
                invoice == null ? null : invoice.payerPhone(),
                invoice == null ? null : MoneyText.of(invoice.amount(), invoice.currency(), lang),
                invoice == null ? null : invoice.description(), invoice == null ? null : invoice.language(),
                r.shopOrderNumber(), r.ledgerStatus(), pretty(r.portmoneRequest()), messages);
    }

    private ConnectionCard card(ConnectionView view, String lang, PaymentFigures.Figures figures) {
        String trigger = view.id() == null ? null
                : triggers.find(view.id()).map(t -> TriggerWords.of(t, lang)).orElse(view.trigger());
        List<String> next = view.nextFireTimes().stream()
                .map(t -> NEXT.format(OffsetDateTime.parse(t))).toList();
        RunRow last = view.lastRun() == null ? null
                : runs.find(view.lastRun().id()).map(run -> row(run, lang)).orElse(null);
        StartProblem problem = view.startFailure() == null ? null : new StartProblem(view.startFailure().file(),
                view.startFailure().option(), view.startFailure().code(),
                Reasons.show(lang, "route", view.startFailure().code(), view.startFailure().reason()),
                view.id() == null ? 0 : inbox.countPending(view.id()));
        return new ConnectionCard(view.id(), view.description(), view.source(), view.delivery(), view.enabled(), trigger,
                view.timeZone(), next, view.upstream(), view.downstream(), last, summary(figures, lang), problem,
                view.attention() == null ? null : new Attention(view.attention().needed(),
                        view.attention().since() == null ? null : when(view.attention().since()),
                        view.attention().retrying()));
    }

    private static RunRow row(Run run, String lang) {
        String trigger = run.trigger();
        String kind = trigger.startsWith("after:") ? "after" : trigger;
        String upstream = trigger.startsWith("after:") ? trigger.substring("after:".length()) : null;
        return new RunRow(run.id(), run.connectionId(), kind, upstream, run.status().name(), run.dryRun(), run.test(),
                when(run.startedAt()), when(run.finishedAt()), run.recordsSeen(), run.invoiced(), run.delivered(),
                run.failed(), run.skipped(), Reasons.show(lang, "run", null, run.errorMessage()));
    }

    private RecordOutcome outcome(RecordAttempt a, LedgerRecord row, String lang) {
        return new RecordOutcome(a.recordId(), a.recordKey(), a.outcome(), a.step(),
                Reasons.fieldLabel(lang, a.errorField()), a.errorCode(),
                Reasons.show(lang, a.step(), a.errorCode(), a.errorMessage()), when(a.at()),
                row == null ? null : row.status().name(),
                row == null ? null : row.shopOrderNumber(), row == null ? null : row.paymentLink(),
                row == null ? null : prettyText(row.portmoneRequest()), row == null ? null : row.deliveryPreview(),
                row != null && replayable(row));
    }

    private static boolean replayable(LedgerRecord row) {
        return (row.status() == RecordStatus.FAILED || row.status() == RecordStatus.PARKED)
                && !TestSends.isTestKey(row.recordKey());
    }

    private String pretty(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private String prettyText(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return pretty(json.readTree(stored));
        } catch (JsonProcessingException e) {
            return stored;
        }
    }

    static String when(Instant at) {
        return at == null ? null : WHEN.format(at.atZone(SHOWN_IN));
    }
}
