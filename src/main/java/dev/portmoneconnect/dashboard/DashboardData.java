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
import dev.portmoneconnect.dashboard.Views.StartProblem;
import dev.portmoneconnect.delivery.MoneyText;
import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.ledger.RecordAttempt;
import dev.portmoneconnect.ledger.RecordStatus;
import dev.portmoneconnect.ledger.Run;
import dev.portmoneconnect.ledger.RunRepository;
import dev.portmoneconnect.mapping.Invoice;
import dev.portmoneconnect.preview.ConnectionPreview;
import dev.portmoneconnect.reasons.Reasons;
import dev.portmoneconnect.schedule.ConnectionTrigger;
import dev.portmoneconnect.schedule.ConnectionTriggers;
import dev.portmoneconnect.schedule.TriggerWords;
import dev.portmoneconnect.source.InboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    InboxRepository inbox;

    List<ConnectionCard> connections(String lang) {
        return overview.all().stream().map(view -> card(view, lang)).toList();
    }

    /** @throws dev.portmoneconnect.connection.UnknownConnectionException when no route declares it */
    ConnectionCard connection(String connectionId, String lang) {
        return card(overview.one(connectionId), lang);
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

    List<RecordOutcome> outcomes(String runId, String lang) {
        Map<Long, Optional<LedgerRecord>> rows = new HashMap<>();
        return ledger.attemptsOfRun(runId).stream().map(a -> {
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

    private ConnectionCard card(ConnectionView view, String lang) {
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
                view.timeZone(), next, view.upstream(), view.downstream(), last, problem);
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
