package dev.portmoneconnect.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.util.Locale;

/** Counts firings by connection, cause and outcome: {@code portmone_connect_firings_total}. */
@ApplicationScoped
public class FiringMetrics {

    static final String NAME = "portmone.connect.firings";

    @Inject
    MeterRegistry registry;

    /** Counts before other observers see the firing, so anything reacting to it finds the count up to date. */
    void count(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Firing firing) {
        String cause = firing.cause().startsWith("after:") ? "after" : firing.cause();
        registry.counter(NAME, "connection", firing.connectionId(), "cause", cause,
                "outcome", firing.outcome().name().toLowerCase(Locale.ROOT)).increment();
    }
}
