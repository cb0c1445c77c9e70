package dev.portmoneconnect.api;

import java.time.Instant;
import java.util.List;

/** A run with each record's outcome in it. */
public record RunDetailView(RunView run, List<RecordOutcome> records) {

    /**
     * What the run did to one record, with the record's current state.
     *
     * @param outcome what this run did: DELIVERED, DRY_RUN, FAILED, PARKED, SKIPPED, RETRY
     * @param status  where the record stands now
     * @param sourceId where the record is in its source: webhook post, sheet row, file row ({@code file:orders.csv#4}), table row
     */
    public record RecordOutcome(Long recordId, String recordKey, String outcome, String step, String field,
                                String code, String message, Instant at, String status, String shopOrderNumber,
                                String paymentLink, String portmoneRequest, String deliveryPreview,
                                String sourceId) {
    }
}
