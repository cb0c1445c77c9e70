package dev.portmoneconnect.connection;

import dev.portmoneconnect.connection.ConnectionRegistry.ConnectionsChanged;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dsl.support.SourceLoader;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.RoutesCollector;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.quarkus.main.events.AfterStart;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.apache.camel.support.PluginHelper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts the connections' route files ({@code camel.main.routes-include-pattern}) one route at a
 * time, once Camel runs, so that one that cannot start disables its own connection only: a file
 * that cannot be read, an option no component knows, a trigger option that cannot be used or a
 * "runs after" that leads nowhere leaves that connection out, with the reason, while the other
 * connections and every webhook run. Camel Main would stop at the first such route and take the
 * whole application down with it.
 *
 * <p>Every file is read before the first route starts, so "runs after" sees every connection the
 * files declare, also one whose route then fails to start. In dev mode a saved file is reloaded by
 * the same rules.
 */
@ApplicationScoped
public class RouteFiles {

    static final String SCHEME = "connection:";

    private volatile RoutesCollector collector;
    private volatile String includePattern;
    private volatile String excludePattern;

    /** The connections' routes the files declare, started or not. */
    private volatile List<RouteDefinition> declared = List.of();

    /** Whether the route files have been read and their routes started (or left out). */
    private volatile boolean started;

    /** Connections whose route did not start, by connection id, or by file when it could not be read. */
    private final Map<String, StartFailure> failures = new ConcurrentHashMap<>();

    /** Camel Main collects the routes next: the route files are left to this bean. */
    void takeOverRouteFiles(@Observes BeforeConfigure event) {
        BaseMainSupport main = event.getMain();
        main.setRoutesCollector(new RouteFilesCollector(main.getRoutesCollector(), this));
    }

    /** Remembers the files Camel Main was asked to load, and how to find them. */
    void found(RoutesCollector camelCollector, String exclude, String include) {
        this.collector = camelCollector;
        this.excludePattern = exclude;
        this.includePattern = include;
    }

    void startRouteFiles(@Observes AfterStart event) {
        start(event.getCamelContext());
    }

    /** A connection declared again by a reloaded file that starts now is no longer broken. */
    void onConnectionsChanged(@Observes ConnectionsChanged change) {
        if (change.started()) {
            failures.remove(change.connectionId());
        }
    }

    /** The connections that did not start, by file. */
    public List<StartFailure> failures() {
        return failures.values().stream()
                .sorted(Comparator.comparing(StartFailure::file).thenComparing(f -> String.valueOf(f.routeId())))
                .toList();
    }

    public Optional<StartFailure> failure(String connectionId) {
        return Optional.ofNullable(failures.get(connectionId));
    }

    /** Whether a file could not be read at all: the connection it declares is not known. */
    public boolean anyUnreadable() {
        return failures.values().stream().anyMatch(f -> f.connectionId() == null);
    }

    /** The connections' routes the files declare, including those that did not start. */
    public List<RouteDefinition> declaredRoutes() {
        return declared;
    }

    /** Whether every route file has been read and its routes started, or left out with the reason. */
    public boolean started() {
        return started;
    }

    void start(CamelContext camel) {
        try {
            startFiles(camel);
            takeOverReloads(camel);
        } finally {
            started = true;
        }
    }

    /** In dev mode Camel reloads a route file when it is saved: the same rules hold for it then. */
    private void takeOverReloads(CamelContext camel) {
        RouteWatcherReloadStrategy watcher = camel.hasService(RouteWatcherReloadStrategy.class);
        if (watcher != null) {
            watcher.setResourceReload((name, resource) -> reload(camel, resource));
        }
    }

    /** Replaces the routes of a saved file, one route at a time; a deleted file's routes are removed. */
    synchronized void reload(CamelContext camel, Resource resource) throws Exception {
        Path path = pathOf(resource);
        ModelCamelContext model = (ModelCamelContext) camel;
        for (RouteDefinition route : List.copyOf(model.getRouteDefinitions())) {
            if (route.getResource() != null && path.equals(pathOf(route.getResource()))) {
                model.removeRouteDefinition(route);
            }
        }
        failures.values().removeIf(f -> path.equals(pathOf(f.file())));
        List<RouteDefinition> others = new ArrayList<>(declared.stream()
                .filter(r -> r.getResource() == null || !path.equals(pathOf(r.getResource()))).toList());
        if (!Files.exists(path)) {
            declared = List.copyOf(others);
            return;
        }
        List<RouteBuilder> builders;
        try {
            builders = read(camel, resource);
        } catch (Exception e) {
            declared = List.copyOf(others);
            fail(unreadable(resource, e));
            return;
        }
        builders.forEach(b -> others.addAll(b.getRouteCollection().getRoutes()));
        declared = List.copyOf(others);
        for (RouteBuilder builder : builders) {
            start(camel, resource, builder);
        }
    }

    private static Path pathOf(Resource resource) {
        return pathOf(resource.getLocation());
    }

    private static Path pathOf(String location) {
        return Path.of(location.replaceFirst("^(file|classpath):", "")).toAbsolutePath().normalize();
    }

    private static StartFailure unreadable(Resource resource, Exception e) {
        return StartFailure.unreadable(file(resource), e);
    }

    private void startFiles(CamelContext camel) {
        if (collector == null || includePattern == null) {
            return;
        }
        camel.getRegistry().bind("routeFilesInUtf8", SourceLoader.class, new Utf8SourceLoader());
        List<Resource> resources = new ArrayList<>(collector.findRouteResourcesFromDirectory(camel, excludePattern,
                includePattern));
        resources.sort(Comparator.comparing(Resource::getLocation));
        Map<Resource, List<RouteBuilder>> read = new LinkedHashMap<>();
        List<RouteDefinition> routes = new ArrayList<>();
        for (Resource resource : resources) {
            try {
                List<RouteBuilder> builders = read(camel, resource);
                builders.forEach(b -> routes.addAll(b.getRouteCollection().getRoutes()));
                read.put(resource, builders);
            } catch (Exception e) {
                fail(unreadable(resource, e));
            }
        }
        declared = List.copyOf(routes);
        int started = 0;
        for (Map.Entry<Resource, List<RouteBuilder>> file : read.entrySet()) {
            for (RouteBuilder builder : file.getValue()) {
                started += start(camel, file.getKey(), builder);
            }
        }
        Log.infof("Route files: %d routes started, %d connections did not start (%s)", started, failures.size(),
                includePattern);
    }

    /** The file's routes, read but not added: a file that is not Camel YAML fails here. */
    private static List<RouteBuilder> read(CamelContext camel, Resource resource) throws Exception {
        Collection<RoutesBuilder> found = PluginHelper.getRoutesLoader(camel).findRoutesBuilders(List.of(resource));
        List<RouteBuilder> builders = new ArrayList<>();
        for (RoutesBuilder builder : found) {
            if (!(builder instanceof RouteBuilder routeBuilder)) {
                throw new IllegalStateException("Routes of " + resource.getLocation() + " are not a RouteBuilder");
            }
            routeBuilder.configureRoutes(camel);
            builders.add(routeBuilder);
        }
        return builders;
    }

    /** Adds what the file holds besides routes, then each route on its own; @return the routes started */
    private int start(CamelContext camel, Resource resource, RouteBuilder builder) {
        List<RouteDefinition> routes = new ArrayList<>(builder.getRouteCollection().getRoutes());
        builder.getRouteCollection().getRoutes().clear();
        try {
            camel.addRoutes(builder);
            camel.addTemplatedRoutes(builder);
        } catch (Exception e) {
            for (RouteDefinition route : routes) {
                fail(failure(camel, resource, route, e));
            }
            return 0;
        }
        int started = 0;
        for (RouteDefinition route : routes) {
            try {
                ((ModelCamelContext) camel).addRouteDefinition(route);
                started++;
            } catch (Exception e) {
                fail(failure(camel, resource, route, e));
                remove(camel, route);
            }
        }
        return started;
    }

    private static void remove(CamelContext camel, RouteDefinition route) {
        try {
            ((ModelCamelContext) camel).removeRouteDefinition(route);
        } catch (Exception e) {
            Log.warnf("Route %s that did not start could not be removed: %s", route.getRouteId(), e.getMessage());
        }
    }

    private void fail(StartFailure failure) {
        failures.put(failure.connectionId() != null ? failure.connectionId() : "file:" + failure.file(), failure);
        Log.errorf("%s did not start%s: %s. The other connections run.",
                failure.connectionId() != null ? "Connection " + failure.connectionId() + " (" + failure.file() + ")"
                        : failure.file(),
                failure.option() == null ? "" : " (option " + failure.option() + ")", failure.reason());
    }

    private static StartFailure failure(CamelContext camel, Resource resource, RouteDefinition route, Throwable e) {
        return StartFailure.of(file(resource), connectionOf(camel, route).orElse(null), route.getRouteId(), e);
    }

    /** The connection a route starts from, {@code connection:<id>?...}. */
    static Optional<String> connectionOf(CamelContext camel, RouteDefinition route) {
        if (route.getInput() == null || route.getInput().getEndpointUri() == null) {
            return Optional.empty();
        }
        String uri;
        try {
            uri = camel.resolvePropertyPlaceholders(route.getInput().getEndpointUri());
        } catch (RuntimeException e) {
            uri = route.getInput().getEndpointUri();
        }
        if (!uri.startsWith(SCHEME)) {
            return Optional.empty();
        }
        String rest = uri.substring(SCHEME.length());
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int query = rest.indexOf('?');
        return Optional.of(query < 0 ? rest : rest.substring(0, query));
    }

    private static String file(Resource resource) {
        String location = resource.getLocation();
        return location.replaceFirst("^(file|classpath):", "");
    }
}
