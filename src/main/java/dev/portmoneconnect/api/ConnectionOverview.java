package dev.portmoneconnect.api;

import dev.portmoneconnect.api.ConnectionView.StartFailureView;
import dev.portmoneconnect.connection.ConnectionConsumer;
import dev.portmoneconnect.connection.ConnectionRegistry;
import dev.portmoneconnect.connection.RouteFiles;
import dev.portmoneconnect.connection.StartFailure;
import dev.portmoneconnect.connection.UnknownConnectionException;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.ledger.RunRepository;
import dev.portmoneconnect.schedule.ConnectionSwitch;
import dev.portmoneconnect.schedule.ConnectionTrigger;
import dev.portmoneconnect.schedule.ConnectionTriggers;
import dev.portmoneconnect.schedule.FirePlan;
import dev.portmoneconnect.schedule.SchedulePlanner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.RouteDefinition;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the API's view of each connection: those that run, and those whose route file did not start. */
@ApplicationScoped
public class ConnectionOverview {

    static final int NEXT_FIRE_TIMES = 5;

    @Inject
    ConnectionRegistry registry;

    @Inject
    ConnectionTriggers triggers;

    @Inject
    ConnectionSwitch connectionSwitch;

    @Inject
    SchedulePlanner planner;

    @Inject
    RunRepository runs;

    @Inject
    LedgerRepository ledger;

    @Inject
    CamelContext camel;

    @Inject
    RouteFiles routeFiles;

    /** The started connections, then those whose route file did not start, by file. */
    public List<ConnectionView> all() {
        List<ConnectionView> views = new ArrayList<>(registry.all().stream()
                .map(consumer -> view(consumer, triggers.find(consumer.connectionId())))
                .flatMap(Optional::stream)
                .toList());
        routeFiles.failures().stream().filter(f -> f.connectionId() == null || !registry.exists(f.connectionId()))
                .map(this::notStarted).forEach(views::add);
        return views;
    }

    /** @throws UnknownConnectionException when no route file declares the connection */
    public ConnectionView one(String connectionId) {
        return registry.find(connectionId)
                .flatMap(consumer -> view(consumer, triggers.find(connectionId)))
                .or(() -> routeFiles.failure(connectionId).map(this::notStarted))
                .orElseThrow(() -> new UnknownConnectionException(connectionId));
    }

    private ConnectionView.Attention attention(String connectionId) {
        LedgerRepository.Attention attention = ledger.attention(connectionId);
        return new ConnectionView.Attention(attention.needed(), attention.since(), attention.retrying());
    }

    /** A connection whose route did not start: what its file says of it, and why. */
    private ConnectionView notStarted(StartFailure failure) {
        String id = failure.connectionId();
        Optional<RouteDefinition> route = id == null ? Optional.empty() : routeFiles.declaredRoutes().stream()
                .filter(r -> failure.routeId() != null && failure.routeId().equals(r.getRouteId())).findFirst();
        return new ConnectionView(id, route.map(RouteDefinition::getDescriptionText).orElse(null), null, null,
                id != null && connectionSwitch.isEnabled(id), null, null, List.of(), null, List.of(),
                id == null ? null : runs.last(id).map(RunView::of).orElse(null), id == null ? null : attention(id),
                new StartFailureView(failure.file(), failure.option(), failure.code(), failure.reason()));
    }

    private Optional<ConnectionView> view(ConnectionConsumer consumer, Optional<ConnectionTrigger> found) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConnectionTrigger trigger = found.get();
        String id = trigger.connectionId();
        Route route = camel.getRoute(consumer.getRouteId());
        RouteKinds kinds = RouteKinds.of(camel, consumer.getRouteId());
        boolean enabled = connectionSwitch.isEnabled(id);
        List<String> next = List.of();
        if (enabled && trigger.schedule().isPresent()) {
            next = planner.planned(id).map(FirePlan::at)
                    .map(first -> trigger.schedule().get().upcoming(first, NEXT_FIRE_TIMES)).orElse(List.of())
                    .stream()
                    .map(at -> at.atZone(trigger.zone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    .toList();
        }
        return Optional.of(new ConnectionView(id, route == null ? null : route.getDescription(), kinds.source(),
                kinds.delivery(), enabled, trigger.describe(), trigger.zone().getId(), next,
                trigger.after().orElse(null),
                triggers.downstreamOf(id).stream().map(ConnectionTrigger::connectionId).toList(),
                runs.last(id).map(RunView::of).orElse(null), attention(id), null));
    }
}
