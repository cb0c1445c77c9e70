package dev.portmoneconnect.source.rest;

import dev.portmoneconnect.source.RetryBudget;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code rest-poll.*}: how long a run waits out an orders API that is busy (HTTP 429) or failing (5xx). */
@ConfigMapping(prefix = "rest-poll")
public interface RestApiConfig {

    Retry retry();

    interface Retry extends RetryBudget.Policy {

        /** Tries after the first one. */
        @WithDefault("5")
        int maxRetries();

        /** Wait before the first retry when the API does not say (no Retry-After); doubles each time. */
        @WithDefault("2s")
        Duration initialDelay();

        /** Longest single wait. */
        @WithDefault("32s")
        Duration maxDelay();

        /** Longest total wait of one call; past it the run ends and the next run tries again. */
        @WithDefault("90s")
        Duration budget();
    }
}
