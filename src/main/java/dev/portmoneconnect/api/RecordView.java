package dev.portmoneconnect.api;

import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.RecordAttempt;

import java.time.Instant;
import java.util.List;

/** A ledger record as the API shows it, with what each run did to it. */
public record RecordView(long id, String connection, String recordKey, String sourceId, String status,
                         String shopOrderNumber, String paymentLink, boolean dryRun, String portmoneRequest,
                         String deliveryPreview, Integer deliveryParts, String deliveredChannels, Error error, int attempts, Instant createdAt,
                         Instant updatedAt, Instant invoicedAt, Instant deliveredAt, List<AttemptView> history,
                         PaymentView payment) {

    public record Error(String step, String field, String code, String message) {
    }

    public record AttemptView(String runId, String sourceId, String outcome, String step, String field, String code,
                              String message, Instant at) {
        static AttemptView of(RecordAttempt a) {
            return new AttemptView(a.runId(), a.sourceId(), a.outcome(), a.step(), a.errorField(), a.errorCode(),
                    a.errorMessage(), a.at());
        }
    }

    public static RecordView of(LedgerRecord r, List<RecordAttempt> attempts) {
        return of(r, attempts, null);
    }

    /** @param payment the invoice's payment status, or null when it has none (no real invoice) */
    public static RecordView of(LedgerRecord r, List<RecordAttempt> attempts, PaymentView payment) {
        Error error = r.errorMessage() == null ? null
                : new Error(r.errorStep(), r.errorField(), r.errorCode(), r.errorMessage());
        return new RecordView(r.id(), r.connectionId(), r.recordKey(), r.sourceId(), r.status().name(),
                r.shopOrderNumber(), r.paymentLink(), r.dryRun(), r.portmoneRequest(), r.deliveryPreview(),
                r.deliveryParts(), r.deliveredChannels(), error, r.attempts(), r.createdAt(), r.updatedAt(), r.invoicedAt(), r.deliveredAt(),
                attempts.stream().map(AttemptView::of).toList(), payment);
    }
}
