package dev.portmoneconnect.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.util.URISupport;

import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The connections the route files declare, read from the route definitions rather than from the
 * started routes: Camel adds every definition of a start-up or reload before it starts the first
 * route, so "runs after" can be checked whatever order the routes start in.
 */
@ApplicationScoped
public class DeclaredConnections {

    static final String SCHEME = "connection:";

    @Inject
    CamelContext camel;

    public ConnectionGraph graph() {
        Map<String, Optional<String>> upstreams = new HashMap<>();
        for (RouteDefinition route : ((ModelCamelContext) camel).getRouteDefinitions()) {
            if (route.getInput() == null || route.getInput().getEndpointUri() == null) {
                continue;
            }
            String uri = camel.resolvePropertyPlaceholders(route.getInput().getEndpointUri());
            if (!uri.startsWith(SCHEME)) {
                continue;
            }
            String rest = uri.substring(SCHEME.length());
            if (rest.startsWith("//")) {
                rest = rest.substring(2);
            }
            int query = rest.indexOf('?');
            String id = query < 0 ? rest : rest.substring(0, query);
            Optional<String> after = query < 0 ? Optional.empty() : after(rest.substring(query + 1));
            upstreams.put(id, after);
        }
        return new ConnectionGraph(upstreams);
    }

    private static Optional<String> after(String query) {
        try {
            Object after = URISupport.parseQuery(query).get("after");
            return Optional.ofNullable(after).map(Object::toString).map(String::trim).filter(a -> !a.isEmpty());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
