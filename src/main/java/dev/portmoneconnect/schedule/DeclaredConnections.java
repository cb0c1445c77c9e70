package dev.portmoneconnect.schedule;

import dev.portmoneconnect.connection.RouteFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.util.URISupport;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connections the route files declare, read from the route definitions rather than from the
 * started routes: every file is read before the first route starts ({@link RouteFiles}), and Camel
 * adds every definition of a reload before it starts the first route, so "runs after" can be
 * checked whatever order the routes start in. A connection whose route did not start is still
 * declared: the connections that run after it start, and wait for it.
 */
@ApplicationScoped
public class DeclaredConnections {

    static final String SCHEME = "connection:";

    @Inject
    CamelContext camel;

    @Inject
    RouteFiles files;

    public ConnectionGraph graph() {
        Map<String, Optional<String>> upstreams = new HashMap<>();
        List<RouteDefinition> routes = new ArrayList<>(files.declaredRoutes());
        routes.addAll(((ModelCamelContext) camel).getRouteDefinitions());
        for (RouteDefinition route : routes) {
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
