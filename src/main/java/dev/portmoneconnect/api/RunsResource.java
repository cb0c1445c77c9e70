package dev.portmoneconnect.api;

import dev.portmoneconnect.api.RunDetailView.RecordOutcome;
import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.ledger.RecordAttempt;
import dev.portmoneconnect.ledger.RecordRuns;
import dev.portmoneconnect.source.InboxRepository;
import dev.portmoneconnect.ledger.RunRepository;
import dev.portmoneconnect.payments.FollowUpRepository;
import dev.portmoneconnect.payments.PaymentRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs", description = "Run history and what happened to each record")
public class RunsResource {

    @Inject
    RunRepository runs;

    @Inject
    LedgerRepository ledger;

    @Inject
    InboxRepository inbox;

    @Inject
    PaymentRepository payments;

    @Inject
    FollowUpRepository followUps;

    @GET
    @Path("/runs/{runId}")
    @Operation(summary = "One run, with one entry per record it handled: its outcome, error and tries")
    public RunDetailView run(@PathParam("runId") String runId) {
        RunView run = runs.find(runId).map(RunView::of)
                .orElseThrow(() -> new ApiExceptionMappers.NotFoundException("No run " + runId));
        Map<Long, Optional<LedgerRecord>> rows = new HashMap<>();
        List<RecordOutcome> records = RecordRuns.fold(ledger.attemptsOfRun(runId)).stream().map(r -> {
            RecordAttempt a = r.outcome();
            Optional<LedgerRecord> row = a.recordId() == null ? Optional.empty()
                    : rows.computeIfAbsent(a.recordId(), ledger::findById);
            return outcome(r, row.orElse(null));
        }).toList();
        return new RunDetailView(run, records);
    }

    @GET
    @Path("/inbox/{id}")
    @Operation(summary = "One record a webhook accepted (the ids its answer gives): pending, done or a duplicate,"
            + " and the ledger record that holds its outcome")
    public InboxView inbox(@PathParam("id") long id) {
        return inbox.find(id).map(InboxView::of)
                .orElseThrow(() -> new ApiExceptionMappers.NotFoundException("No inbox record " + id));
    }

    @GET
    @Path("/records/{id}")
    @Operation(summary = "One ledger record with every attempt made on it, and its invoice's payment status")
    public RecordView record(@PathParam("id") long id) {
        LedgerRecord row = ledger.findById(id)
                .orElseThrow(() -> new ApiExceptionMappers.NotFoundException("No record " + id));
        PaymentView payment = payments.find(id).map(p -> PaymentView.of(p, followUps.ofRecord(id))).orElse(null);
        return RecordView.of(row, ledger.attemptsOfRecord(id), payment);
    }

    private static RecordOutcome outcome(RecordRuns.RecordRun record, LedgerRecord row) {
        RecordAttempt a = record.outcome();
        return new RecordOutcome(a.recordId(), a.recordKey(), a.sourceId(), a.outcome(), a.step(), a.errorField(),
                a.errorCode(), a.errorMessage(), a.at(), row == null ? null : row.status().name(),
                row == null ? null : row.shopOrderNumber(), row == null ? null : row.paymentLink(),
                row == null ? null : row.portmoneRequest(), row == null ? null : row.deliveryPreview(),
                record.attempts().stream().map(RecordView.AttemptView::of).toList());
    }
}
