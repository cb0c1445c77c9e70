package dev.portmoneconnect.api;

import java.time.Instant;
import java.util.List;

/** A run with one entry per source record it handled, each with its tries folded inside. */
public record RunDetailView(RunView run, List<RecordOutcome> records) {

    /**
     * What the run did to one source record, with the record's current state.
     *
     * @param outcome  how the run ended the record: DELIVERED, DRY_RUN, FAILED, PARKED, SKIPPED (or, for a
     *                 run that stopped in the middle, its last try: INVOICED, RETRY); NOT_WRITTEN_BACK when the
     *                 sheet row of a record it handled was gone by the time its outcome was written back
     * @param status   where the record stands now
     * @param attempts every try the run made on the record, the ending one last
     */
    public record RecordOutcome(Long recordId, String recordKey, String sourceId, String outcome, String step,
                                String field, String code, String message, Instant at, String status,
                                String shopOrderNumber, String paymentLink, String portmoneRequest,
                                String deliveryPreview, List<RecordView.AttemptView> attempts) {
    }
}
