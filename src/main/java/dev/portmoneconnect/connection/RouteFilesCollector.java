package dev.portmoneconnect.connection;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.RoutesCollector;
import org.apache.camel.spi.Resource;

import java.util.Collection;
import java.util.List;

/**
 * Camel Main's routes collector, except that the route files {@code camel.main.routes-include-pattern}
 * names are left to {@link RouteFiles}, which reads and starts them one by one once Camel runs: Camel
 * Main finds none, neither to read their modelines nor to add their routes. Routes from beans (the
 * webhook receiver) are collected as Camel collects them.
 */
class RouteFilesCollector implements RoutesCollector {

    private final RoutesCollector camel;
    private final RouteFiles files;

    RouteFilesCollector(RoutesCollector camel, RouteFiles files) {
        this.camel = camel;
        this.files = files;
    }

    @Override
    public boolean isIgnoreLoadingError() {
        return camel.isIgnoreLoadingError();
    }

    @Override
    public void setIgnoreLoadingError(boolean ignoreLoadingError) {
        camel.setIgnoreLoadingError(ignoreLoadingError);
    }

    @Override
    public Collection<RoutesBuilder> collectRoutesFromRegistry(CamelContext camelContext, String excludePattern,
                                                               String includePattern) {
        return camel.collectRoutesFromRegistry(camelContext, excludePattern, includePattern);
    }

    @Override
    public Collection<RoutesBuilder> collectRoutesFromDirectory(CamelContext camelContext, String excludePattern,
                                                                String includePattern) {
        files.found(camel, excludePattern, includePattern);
        return List.of();
    }

    /** Camel Main looks for the files to read their modelines (and parses them): none until Camel runs. */
    @Override
    public Collection<Resource> findRouteResourcesFromDirectory(CamelContext camelContext, String excludePattern,
                                                                String includePattern) {
        files.found(camel, excludePattern, includePattern);
        return List.of();
    }
}
