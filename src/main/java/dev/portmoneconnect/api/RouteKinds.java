package dev.portmoneconnect.api;

import org.apache.camel.CamelContext;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a connection route's source and delivery kinds off the endpoints its steps send to. */
final class RouteKinds {

    private static final Map<String, String> SOURCES = Map.of(
            "inbox", "webhook",
            "sheet", "google-sheets",
            "google-sheets", "google-sheets",
            "google-sheets-stream", "google-sheets",
            "payments:unpaid", "payments",
            "payments:paid", "payments",
            "payments:expired", "payments");

    private final String source;
    private final String delivery;

    private RouteKinds(String source, String delivery) {
        this.source = source;
        this.delivery = delivery;
    }

    static RouteKinds of(CamelContext camel, String routeId) {
        RouteDefinition route = ((ModelCamelContext) camel).getRouteDefinition(routeId);
        if (route == null) {
            return new RouteKinds(null, null);
        }
        List<String> uris = new ArrayList<>();
        collect(route.getOutputs(), uris);
        String source = null;
        Set<String> deliveries = new LinkedHashSet<>();
        for (String uri : uris) {
            String scheme = scheme(uri);
            // a payments: step is a source only when it selects invoices
            String kind = "payments".equals(scheme) ? scheme + ":" + path(uri) : scheme;
            if (source == null && SOURCES.containsKey(kind)) {
                source = SOURCES.get(kind);
            }
            if ("delivery".equals(scheme)) {
                deliveries.add(path(uri));
            }
        }
        return new RouteKinds(source, deliveries.isEmpty() ? null : String.join(",", deliveries));
    }

    String source() {
        return source;
    }

    String delivery() {
        return delivery;
    }

    private static void collect(List<ProcessorDefinition<?>> outputs, List<String> uris) {
        for (ProcessorDefinition<?> step : outputs) {
            if (step instanceof EndpointRequiredDefinition endpoint && endpoint.getEndpointUri() != null) {
                uris.add(endpoint.getEndpointUri());
            }
            collect(step.getOutputs(), uris);
        }
    }

    private static String scheme(String uri) {
        int colon = uri.indexOf(':');
        return colon < 0 ? uri : uri.substring(0, colon);
    }

    private static String path(String uri) {
        String rest = uri.substring(uri.indexOf(':') + 1);
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }
}
