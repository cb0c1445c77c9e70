package dev.portmoneconnect.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Locale;

/** Counts firings by connection, cause and outcome: {@code portmone_connect_firings_total}. */
@ApplicationScoped
public class FiringMetrics {

    static final String NAME = "portmone.connect.firings";

    @Inject
    MeterRegistry registry;

    void count(@Observes Firing firing) {
        String cause = firing.cause().startsWith("after:") ? "after" : firing.cause();
        registry.counter(NAME, "connection", firing.connectionId(), "cause", cause,
                "outcome", firing.outcome().name().toLowerCase(Locale.ROOT)).increment();
    }
}
