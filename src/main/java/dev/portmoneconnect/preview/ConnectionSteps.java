package dev.portmoneconnect.preview;

import dev.portmoneconnect.delivery.DeliveryEndpoint;
import dev.portmoneconnect.mapping.MappingEndpoint;
import dev.portmoneconnect.portmone.PortmoneEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The endpoints a connection's route sends to, in the order its steps reach them: where preview and
 * test send find the connection's own source, mapping, Portmone account and deliveries.
 */
final class ConnectionSteps {

    private final List<Endpoint> endpoints;

    private ConnectionSteps(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    static ConnectionSteps of(CamelContext camel, String routeId) {
        RouteDefinition route = ((ModelCamelContext) camel).getRouteDefinition(routeId);
        List<Endpoint> endpoints = new ArrayList<>();
        if (route != null) {
            collect(camel, route.getOutputs(), endpoints);
        }
        return new ConnectionSteps(endpoints);
    }

    private static void collect(CamelContext camel, List<ProcessorDefinition<?>> outputs, List<Endpoint> endpoints) {
        for (ProcessorDefinition<?> step : outputs) {
            if (step instanceof EndpointRequiredDefinition send && send.getEndpointUri() != null) {
                // the route has started, so this is the endpoint instance its steps use
                endpoints.add(camel.getEndpoint(send.getEndpointUri()));
            }
            collect(camel, step.getOutputs(), endpoints);
        }
    }

    List<Endpoint> all() {
        return endpoints;
    }

    Optional<MappingEndpoint> mapping() {
        return first(MappingEndpoint.class);
    }

    Optional<PortmoneEndpoint> portmone() {
        return first(PortmoneEndpoint.class);
    }

    List<DeliveryEndpoint> deliveries() {
        return endpoints.stream().filter(DeliveryEndpoint.class::isInstance).map(DeliveryEndpoint.class::cast).toList();
    }

    private <T extends Endpoint> Optional<T> first(Class<T> type) {
        return endpoints.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
