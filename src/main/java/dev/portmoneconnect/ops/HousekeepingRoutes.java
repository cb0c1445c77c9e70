package dev.portmoneconnect.ops;

import dev.portmoneconnect.ledger.Retention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;
import org.apache.camel.builder.RouteBuilder;

/**
 * The app's own periodic work, on Camel timers in each instance's memory: the count of records that
 * need attention (every minute; the gauges and the readiness detail are this instance's) and the
 * store's retention (every {@code connect.retention.every}; pruning twice removes nothing twice).
 * Not in Quartz's job store, where instances starting together on one database would each store
 * the same job and the one that lost the race would stop at start-up.
 */
@ApplicationScoped
public class HousekeepingRoutes extends RouteBuilder {

    @Inject
    @Readiness
    AttentionMonitor attention;

    @Inject
    Retention retention;

    @Override
    public void configure() {
        from("timer:records-attention?delay=10s&period=60s")
                .routeId("records-attention")
                .process(exchange -> attention.count());
        from("timer:store-retention?delay=1m&period={{connect.retention.every:1h}}")
                .routeId("store-retention")
                .process(exchange -> retention.scheduled());
    }
}
