package dev.portmoneconnect.source.rest;

import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.ledger.RecordStatus;
import dev.portmoneconnect.source.PreviewSource;
import dev.portmoneconnect.source.SourceRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Endpoint;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The orders an API lists that the connection's next run would take: GET requests only, from the
 * connection's cursor, stopping as soon as enough orders are read. Moves no cursor.
 */
@ApplicationScoped
public class RestApiPreview implements PreviewSource {

    /** Orders read for a preview at most, delivered ones included. */
    private static final int READ_AT_MOST = 500;

    @Inject
    LedgerRepository ledger;

    @Override
    public boolean reads(Endpoint endpoint) {
        return endpoint instanceof RestApiEndpoint;
    }

    @Override
    public List<SourceRecord> peek(Endpoint endpoint, String connectionId, int limit) {
        RestApiEndpoint api = (RestApiEndpoint) endpoint;
        String connection = RestApiProducer.connectionId(api, connectionId);
        List<SourceRecord> listed = ApiOrders.read(api, RestApiProducer.since(api, connection), READ_AT_MOST).stream()
                .map(ApiOrders.Order::record).toList();
        Map<String, LedgerRecord> known = ledger.findAll(connection,
                listed.stream().map(SourceRecord::key).filter(Objects::nonNull).toList());
        return listed.stream().filter(r -> r.key() == null || known.get(r.key()) == null
                        || known.get(r.key()).status() != RecordStatus.DELIVERED)
                .limit(limit).toList();
    }
}
