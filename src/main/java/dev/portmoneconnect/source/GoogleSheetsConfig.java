package dev.portmoneconnect.source;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * {@code google.sheets.*}: where the Sheets API lives and how long a run waits out its quota.
 * Credentials are the Camel component's own settings ({@code camel.component.google-sheets.*}).
 */
@ConfigMapping(prefix = "google.sheets")
public interface GoogleSheetsConfig {

    /** Root URL of the Sheets v4 API; tests point it at a local fake. */
    @WithDefault("https://sheets.googleapis.com/")
    String rootUrl();

    /** Backing off from HTTP 429 and 5xx answers. */
    Quota quota();

    interface Quota extends RetryBudget.Policy {

        /** Tries after the first one. */
        @WithDefault("5")
        int maxRetries();

        /** Wait before the first retry when Google does not say (no Retry-After); doubles each time. */
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
