package dev.portmoneconnect.ops;

import dev.portmoneconnect.connection.ConnectionConsumer;
import dev.portmoneconnect.connection.ConnectionRegistry;
import dev.portmoneconnect.connection.RunFinished;
import dev.portmoneconnect.ledger.LedgerRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records that did not reach their payer, per connection, where a monitor looks: the metrics
 * {@code portmone_connect_records_attention} (need an operator) and
 * {@code portmone_connect_records_retrying} (parked, tried again by later runs on their own), and the
 * same numbers in the readiness check's data. They never make the app unready: the app is working,
 * its payers are waiting. Counted after each run and every minute.
 */
@ApplicationScoped
@Readiness
public class AttentionMonitor implements HealthCheck {

    @Inject
    LedgerRepository ledger;

    @Inject
    ConnectionRegistry connections;

    @Inject
    MeterRegistry registry;

    private MultiGauge attention;
    private MultiGauge retrying;
    private volatile Map<String, LedgerRepository.Attention> counted = Map.of();

    @PostConstruct
    void register() {
        attention = MultiGauge.builder("portmone_connect_records_attention")
                .description("Records that did not reach their payer and need an operator: failed, or parked and no"
                        + " longer tried again on their own").register(registry);
        retrying = MultiGauge.builder("portmone_connect_records_retrying")
                .description("Parked records that later runs try again on their own").register(registry);
    }

    /**
     * Counts again; every minute by {@link HousekeepingRoutes} and after each run. One count at a
     * time: two runs ending together would otherwise replace the gauges' rows at once, and Micrometer
     * keeps one of the two registrations, not necessarily the later count.
     */
    synchronized void count() {
        try {
            Map<String, LedgerRepository.Attention> now = new TreeMap<>();
            for (ConnectionConsumer connection : connections.all()) {
                now.put(connection.connectionId(), ledger.attention(connection.connectionId()));
            }
            counted = now;
            attention.register(rows(now, true), true);
            retrying.register(rows(now, false), true);
        } catch (RuntimeException e) {
            Log.warnf("Counting the records that need attention failed: %s", e.getMessage());
        }
    }

    void afterRun(@Observes RunFinished finished) {
        count();
    }

    private static List<MultiGauge.Row<?>> rows(Map<String, LedgerRepository.Attention> counts, boolean needed) {
        return counts.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("connection", e.getKey()),
                        needed ? e.getValue().needed() : e.getValue().retrying()))
                .toList();
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, LedgerRepository.Attention> now = counted;
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("records-attention").up()
                .withData("needed", now.values().stream().mapToLong(LedgerRepository.Attention::needed).sum())
                .withData("retrying", now.values().stream().mapToLong(LedgerRepository.Attention::retrying).sum());
        now.forEach((connection, counts) -> answer.withData(connection, counts.needed()));
        return answer.build();
    }
}
