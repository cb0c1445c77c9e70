package dev.portmoneconnect.ops;

import dev.portmoneconnect.connection.ConnectionRegistry.ConnectionsChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-connection metrics, scraped at {@code /q/metrics}:
 * <ul>
 *   <li>{@code portmone_connect_records_invoiced_total{connection}}: invoices Portmone created</li>
 *   <li>{@code portmone_connect_records_delivered_total{connection}}: records whose link reached the payer</li>
 *   <li>{@code portmone_connect_records_failed_total{connection}}: records that failed or were parked</li>
 *   <li>{@code portmone_connect_portmone_call_seconds{connection}}: latency of createLinkPayment calls</li>
 *   <li>{@code portmone_connect_delivery_seconds{connection, channel}}: latency of sending one message</li>
 * </ul>
 * Dry runs send nothing and count nothing.
 */
@ApplicationScoped
public class ConnectMetrics {

    static final String INVOICED = "portmone.connect.records.invoiced";
    static final String DELIVERED = "portmone.connect.records.delivered";
    static final String FAILED = "portmone.connect.records.failed";
    static final String PORTMONE_CALL = "portmone.connect.portmone.call";
    static final String DELIVERY = "portmone.connect.delivery";

    @Inject
    MeterRegistry registry;

    // Meters once registered are kept here: building and registering one looks it up in the registry,
    // which is work on every record otherwise.
    private final Map<String, Counter> invoiced = new ConcurrentHashMap<>();
    private final Map<String, Counter> delivered = new ConcurrentHashMap<>();
    private final Map<String, Counter> failed = new ConcurrentHashMap<>();
    private final Map<String, Timer> portmoneCalls = new ConcurrentHashMap<>();
    private final Map<String, Timer> deliveries = new ConcurrentHashMap<>();

    /** Each started connection shows its counters from the start, at zero. */
    void started(@Observes ConnectionsChanged changed) {
        if (changed.started()) {
            invoicedCounter(changed.connectionId());
            deliveredCounter(changed.connectionId());
            failedCounter(changed.connectionId());
        }
    }

    public void invoiced(String connectionId) {
        invoicedCounter(connectionId).increment();
    }

    public void delivered(String connectionId) {
        deliveredCounter(connectionId).increment();
    }

    public void failed(String connectionId) {
        failedCounter(connectionId).increment();
    }

    public void portmoneCall(String connectionId, Duration took) {
        portmoneCalls.computeIfAbsent(tag(connectionId), c -> Timer.builder(PORTMONE_CALL)
                .description("Latency of Portmone createLinkPayment calls").tag("connection", c).register(registry))
                .record(took);
    }

    public void delivery(String connectionId, String channel, Duration took) {
        deliveries.computeIfAbsent(tag(connectionId) + "\n" + channel, k -> Timer.builder(DELIVERY)
                .description("Latency of sending one payment-link message").tag("connection", tag(connectionId))
                .tag("channel", channel).register(registry)).record(took);
    }

    private Counter invoicedCounter(String connectionId) {
        return invoiced.computeIfAbsent(tag(connectionId), c -> Counter.builder(INVOICED)
                .description("Invoices Portmone created").tag("connection", c).register(registry));
    }

    private Counter deliveredCounter(String connectionId) {
        return delivered.computeIfAbsent(tag(connectionId), c -> Counter.builder(DELIVERED)
                .description("Records whose payment link was delivered").tag("connection", c).register(registry));
    }

    private Counter failedCounter(String connectionId) {
        return failed.computeIfAbsent(tag(connectionId), c -> Counter.builder(FAILED)
                .description("Records that failed or were parked").tag("connection", c).register(registry));
    }

    private static String tag(String connectionId) {
        return connectionId == null ? "unknown" : connectionId;
    }
}
