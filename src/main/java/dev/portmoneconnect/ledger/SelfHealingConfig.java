package dev.portmoneconnect.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * {@code connect.self-healing.*}: how later runs try parked records again on their own. A record
 * parked for a transient reason (a gateway down longer than a run's retries) is tried by the first
 * run after {@code first-delay}, then by runs at doubling intervals up to {@code max-delay}, for
 * {@code retry-for} after it was first parked; then it waits for an operator.
 */
@ConfigMapping(prefix = "connect.self-healing")
public interface SelfHealingConfig {

    @WithDefault("5m")
    Duration firstDelay();

    @WithDefault("1h")
    Duration maxDelay();

    @WithDefault("24h")
    Duration retryFor();

    /** The delay before the try after {@code tries} tries by later runs. */
    default Duration delayAfter(int tries) {
        Duration delay = firstDelay();
        for (int i = 0; i < tries && delay.compareTo(maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay()) > 0 ? maxDelay() : delay;
    }
}
