package dev.portmoneconnect.schedule;

import dev.portmoneconnect.connection.ConnectionConsumer;
import dev.portmoneconnect.connection.ConnectionEndpoint;
import dev.portmoneconnect.connection.ConnectionRegistry;
import dev.portmoneconnect.connection.ConnectionRegistry.ConnectionsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The triggers of the started connections. A connection's route starts only when its trigger
 * options can be used and its "runs after" connection exists without a cycle; then its schedule
 * is planned.
 */
@ApplicationScoped
public class ConnectionTriggers {

    @Inject
    ConnectionRegistry registry;

    @Inject
    DeclaredConnections declared;

    @Inject
    SchedulePlanner planner;

    private final Map<String, ConnectionTrigger> triggers = new ConcurrentHashMap<>();

    void onConnectionsChanged(@Observes ConnectionsChanged change) {
        String connectionId = change.connectionId();
        if (!change.started()) {
            triggers.remove(connectionId);
            return;
        }
        ConnectionConsumer consumer = registry.find(connectionId).orElseThrow();
        ConnectionTrigger trigger = ConnectionTrigger.parse(connectionId, options(consumer.getEndpoint()));
        if (trigger.after().isPresent()) {
            // only a connection that runs after another can close a cycle or name an unknown one
            declared.graph().check(connectionId);
        }
        triggers.put(connectionId, trigger);
        planner.started(trigger);
    }

    public Optional<ConnectionTrigger> find(String connectionId) {
        return Optional.ofNullable(triggers.get(connectionId));
    }

    /** Started connections that run after the given one. */
    public List<ConnectionTrigger> downstreamOf(String connectionId) {
        return triggers.values().stream()
                .filter(t -> t.after().filter(connectionId::equals).isPresent())
                .sorted(Comparator.comparing(ConnectionTrigger::connectionId))
                .toList();
    }

    private static TriggerOptions options(ConnectionEndpoint endpoint) {
        return new TriggerOptions(endpoint.getEvery(), endpoint.getCron(), endpoint.getTimes(), endpoint.getTimeZone(),
                endpoint.getAfter(), endpoint.getAfterOutcome(), endpoint.isEnabled(), endpoint.getMisfire());
    }
}
