package dev.portmoneconnect.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Which runs are alive, for every instance on the database: a run marked running whose heartbeat
 * is more recent than {@code connect.run-lease}. Inbox and ledger rows claimed by a live run are
 * left to it; rows claimed by a run that went silent are taken by the next run.
 */
@ApplicationScoped
public class RunLiveness {

    /** Matches live runs; its parameters are {@link RunStatus#RUNNING} and {@link #aliveSince()}. */
    public static final String LIVE_RUN = "SELECT 1 FROM run WHERE run.status = ? AND run.heartbeat_at >= ?";

    @Inject
    Clock clock;

    /** How long a run stays alive without a heartbeat (see {@code connection.InstanceConfig}). */
    @ConfigProperty(name = "connect.run-lease", defaultValue = "60s")
    Duration lease;

    /** Runs whose last heartbeat is older than this are silent: their process stopped. */
    public Instant aliveSince() {
        return clock.instant().minus(lease);
    }
}
