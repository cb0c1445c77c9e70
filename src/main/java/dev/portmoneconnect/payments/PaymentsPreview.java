package dev.portmoneconnect.payments;

import dev.portmoneconnect.source.PreviewSource;
import dev.portmoneconnect.source.SourceRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The invoices a {@code payments:} source's next run would take, read without claiming them: what
 * a test send of a follow-up connection sends to the tester (the first of them).
 */
@ApplicationScoped
public class PaymentsPreview implements PreviewSource {

    static final String PREFIX = "payment:";

    @Inject
    FollowUps followUps;

    @Inject
    PaymentRepository payments;

    @Override
    public boolean reads(Endpoint endpoint) {
        return endpoint instanceof PaymentsEndpoint source && PaymentsEndpoint.SOURCES.contains(source.getKind());
    }

    @Override
    public List<SourceRecord> peek(Endpoint endpoint, String connectionId, int limit) {
        return followUps.pending((PaymentsEndpoint) endpoint, connectionId, limit).stream()
                .map(PaymentsPreview::sourceRecord).toList();
    }

    @Override
    public boolean needsNoMapping() {
        return true;
    }

    static SourceRecord sourceRecord(PaymentRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("orderNumber", record.orderNumber());
        fields.put("payerName", record.payerName());
        fields.put("amount", record.amount());
        fields.put("status", record.status());
        fields.put("kind", record.kind());
        fields.put("followUp", record.followUp());
        return new SourceRecord(PREFIX + record.recordId(), fields);
    }

    /** The invoice behind a record {@link #peek} gave, as the follow-up's steps take it; null when it is gone. */
    static PaymentRecord record(FollowUps followUps, SourceRecord picked) {
        if (picked.sourceId() == null || !picked.sourceId().startsWith(PREFIX)) {
            return null;
        }
        long recordId = Long.parseLong(picked.sourceId().substring(PREFIX.length()));
        return followUps.record(recordId, String.valueOf(picked.fields().get("kind")),
                String.valueOf(picked.fields().get("followUp")));
    }
}
