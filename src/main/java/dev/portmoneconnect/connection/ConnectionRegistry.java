package dev.portmoneconnect.connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The connections whose routes are started, by id. */
@ApplicationScoped
public class ConnectionRegistry {

    private final Map<String, ConnectionConsumer> connections = new ConcurrentHashMap<>();

    @Inject
    Event<ConnectionsChanged> changed;

    void register(ConnectionConsumer consumer) {
        ConnectionConsumer previous = connections.putIfAbsent(consumer.connectionId(), consumer);
        if (previous != null && previous != consumer) {
            throw new IllegalStateException("Two routes declare connection '" + consumer.connectionId() + "': "
                    + previous.getRouteId() + " and " + consumer.getRouteId());
        }
        try {
            changed.fire(new ConnectionsChanged(consumer.connectionId(), true));
        } catch (RuntimeException e) {
            connections.remove(consumer.connectionId(), consumer);
            throw e;
        }
    }

    void unregister(ConnectionConsumer consumer) {
        if (connections.remove(consumer.connectionId(), consumer)) {
            changed.fire(new ConnectionsChanged(consumer.connectionId(), false));
        }
    }

    public Optional<ConnectionConsumer> find(String connectionId) {
        return Optional.ofNullable(connections.get(connectionId));
    }

    public boolean exists(String connectionId) {
        return connections.containsKey(connectionId);
    }

    public List<ConnectionConsumer> all() {
        Collection<ConnectionConsumer> values = connections.values();
        return values.stream().sorted(Comparator.comparing(ConnectionConsumer::connectionId)).toList();
    }

    /**
     * A connection route started or stopped (route files are reloaded in dev mode). An observer
     * that throws on a start refuses the connection: its route does not start.
     */
    public record ConnectionsChanged(String connectionId, boolean started) {
    }
}
