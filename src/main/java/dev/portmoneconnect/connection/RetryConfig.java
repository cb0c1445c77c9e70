package dev.portmoneconnect.connection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code connect.retry.*}: how transient failures of one record are retried before it is parked. */
@ConfigMapping(prefix = "connect.retry")
public interface RetryConfig {

    /** Tries after the first one. */
    @WithDefault("4")
    int maxRetries();

    @WithDefault("1s")
    Duration initialDelay();

    @WithDefault("2.0")
    double multiplier();

    @WithDefault("30s")
    Duration maxDelay();
}
