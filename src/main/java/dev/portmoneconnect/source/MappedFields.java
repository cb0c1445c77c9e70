package dev.portmoneconnect.source;

import dev.portmoneconnect.mapping.MappingEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The record fields a connection's mapping reads ({@code ${body[Email]}} reads "Email"): the names a
 * sheet's header row is expected to hold.
 */
final class MappedFields {

    private MappedFields() {
    }

    /** The fields read by the mapping steps of the route; empty when it has none or they read no field by name. */
    static Set<String> of(CamelContext camel, String routeId) {
        Set<String> fields = new LinkedHashSet<>();
        if (routeId == null || !(camel instanceof ModelCamelContext model)) {
            return fields;
        }
        RouteDefinition route = model.getRouteDefinition(routeId);
        if (route != null) {
            collect(camel, route.getOutputs(), fields);
        }
        return fields;
    }

    private static void collect(CamelContext camel, List<ProcessorDefinition<?>> outputs, Set<String> fields) {
        for (ProcessorDefinition<?> step : outputs) {
            if (step instanceof EndpointRequiredDefinition send && send.getEndpointUri() != null
                    && send.getEndpointUri().startsWith("mapping:")) {
                Endpoint endpoint = camel.getEndpoint(send.getEndpointUri());
                if (endpoint instanceof MappingEndpoint mapping) {
                    fields.addAll(mapping.fieldsRead());
                }
            }
            collect(camel, step.getOutputs(), fields);
        }
    }
}
