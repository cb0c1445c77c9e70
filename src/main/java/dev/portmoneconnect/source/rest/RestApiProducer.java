package dev.portmoneconnect.source.rest;

import dev.portmoneconnect.flow.ConnectHeaders;
import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.RecordStatus;
import dev.portmoneconnect.source.CursorValue;
import dev.portmoneconnect.source.RunSettlements;
import dev.portmoneconnect.source.SourceCursors;
import dev.portmoneconnect.source.SourceRecord;
import io.quarkus.logging.Log;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One run's read of an orders API. Orders the ledger holds as delivered are left out before the
 * route. When a real run that follows a cursor ends, and the ledger holds every order it read, the
 * cursor moves to the highest cursor value among them; otherwise it stays, and the next run reads
 * the same orders again (the ledger keeps them from being invoiced twice).
 */
public class RestApiProducer extends DefaultProducer {

    public RestApiProducer(RestApiEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public RestApiEndpoint getEndpoint() {
        return (RestApiEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        if (in.getHeader(ConnectHeaders.TEST, false, Boolean.class)) {
            // a test send carries the one record under test; the API's orders stay for real runs
            return;
        }
        RestApiEndpoint endpoint = getEndpoint();
        RestApiComponent component = endpoint.getComponent();
        String connectionId = connectionId(endpoint, in.getHeader(ConnectHeaders.CONNECTION_ID, String.class));
        boolean dryRun = in.getHeader(ConnectHeaders.DRY_RUN, false, Boolean.class);
        Set<?> replayKeys = in.getHeader(ConnectHeaders.REPLAY_KEYS, Set.of(), Set.class);
        String since = since(endpoint, connectionId);
        List<ApiOrders.Order> orders = ApiOrders.read(endpoint, since, Integer.MAX_VALUE);
        List<ApiOrders.Order> replayed = replayed(endpoint, connectionId, replayKeys, orders);

        Map<String, LedgerRecord> known = component.ledger().findAll(connectionId, orders.stream()
                .map(o -> o.record().key()).filter(Objects::nonNull).toList());
        List<SourceRecord> records = new ArrayList<>();
        for (ApiOrders.Order order : orders) {
            LedgerRecord entry = order.record().key() == null ? null : known.get(order.record().key());
            if (entry == null || entry.status() != RecordStatus.DELIVERED || replayKeys.contains(entry.recordKey())) {
                records.add(order.record());
            }
        }
        replayed.forEach(order -> records.add(order.record()));
        Log.infof("Orders API of %s: %d orders listed%s, %d to process", connectionId, orders.size(),
                since == null ? "" : " since " + since, records.size());
        if (!dryRun && endpoint.followsCursor()) {
            component.settlements().follow(exchange, connectionId, settled -> {
                try {
                    advance(connectionId, orders, settled);
                } catch (RuntimeException e) {
                    Log.warnf("Connection %s could not move its cursor; the next run reads the same orders again"
                            + " (the ledger keeps them from being invoiced twice): %s", connectionId, e.getMessage());
                }
            }, () -> { });
        }
        in.setBody(records);
    }

    static String connectionId(RestApiEndpoint endpoint, String running) {
        return endpoint.getConnectionId() == null || endpoint.getConnectionId().isBlank() ? running
                : endpoint.getConnectionId();
    }

    /**
     * The orders a replay gives another go that the API did not list this time (they are behind the
     * cursor), read one by one from {@code orderUrl}.
     */
    private static List<ApiOrders.Order> replayed(RestApiEndpoint endpoint, String connectionId, Set<?> replayKeys,
                                                  List<ApiOrders.Order> listed) {
        if (replayKeys.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new java.util.LinkedHashSet<>();
        replayKeys.forEach(k -> keys.add(String.valueOf(k)));
        listed.forEach(order -> keys.remove(order.record().key()));
        if (keys.isEmpty()) {
            return List.of();
        }
        if (endpoint.getOrderUrl() == null || endpoint.getOrderUrl().isBlank()) {
            Log.warnf("Replay of %s: orders %s are not listed by the API; set orderUrl to read them one by one",
                    connectionId, keys);
            return List.of();
        }
        List<ApiOrders.Order> orders = new ArrayList<>();
        for (String key : keys) {
            ApiOrders.Order order = ApiOrders.one(endpoint, key);
            if (order == null) {
                Log.warnf("Replay of %s: the API no longer knows order %s", connectionId, key);
            } else {
                orders.add(order);
            }
        }
        return orders;
    }

    /** The cursor to send: where the connection has got to, or the first run's initial cursor. */
    static String since(RestApiEndpoint endpoint, String connectionId) {
        if (!endpoint.followsCursor()) {
            return null;
        }
        return endpoint.getComponent().cursors().find(connectionId).map(at -> at.position().text())
                .orElseGet(() -> endpoint.getInitialCursor() == null || endpoint.getInitialCursor().isBlank() ? null
                        : endpoint.getInitialCursor().strip());
    }

    private void advance(String connectionId, List<ApiOrders.Order> orders, RunSettlements.Run settled) {
        RestApiComponent component = getEndpoint().getComponent();
        List<String> keys = new ArrayList<>();
        for (ApiOrders.Order order : orders) {
            String key = settled.keyOf(order.record().sourceId());
            keys.add(key != null ? key : order.record().key());
        }
        Map<String, LedgerRecord> held = component.ledger().findAll(connectionId,
                keys.stream().filter(Objects::nonNull).toList());
        Object highest = component.cursors().find(connectionId).map(at -> (Object) at.position().value()).orElse(null);
        for (int i = 0; i < orders.size(); i++) {
            if (keys.get(i) == null || !held.containsKey(keys.get(i))) {
                Log.infof("Connection %s: order %s has no outcome yet; the cursor stays and the next run reads the"
                        + " same orders again", connectionId, orders.get(i).record().sourceId());
                return;
            }
            Object cursor = orders.get(i).cursor();
            if (cursor != null && (highest == null || CursorValue.compare(cursor, highest) > 0)) {
                highest = cursor;
            }
        }
        if (highest != null) {
            component.cursors().save(connectionId, new SourceCursors.Position(CursorValue.of(highest), null));
        }
    }
}
