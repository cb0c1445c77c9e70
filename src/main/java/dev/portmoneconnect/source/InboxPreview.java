package dev.portmoneconnect.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Endpoint;

import java.util.List;

/** The webhook inbox's pending records, oldest first, read without claiming them. */
@ApplicationScoped
public class InboxPreview implements PreviewSource {

    @Inject
    InboxRepository inbox;

    @Override
    public boolean reads(Endpoint endpoint) {
        return endpoint instanceof InboxEndpoint;
    }

    @Override
    public List<SourceRecord> peek(Endpoint endpoint, String connectionId, int limit) {
        String configured = ((InboxEndpoint) endpoint).getConnectionId();
        String connection = configured == null || configured.isBlank() ? connectionId : configured;
        return inbox.peek(connection, limit).stream()
                .map(e -> new SourceRecord(InboxSettlement.sourceId(e.id()), RecordJson.fields(e.payload())))
                .toList();
    }
}
