package dev.portmoneconnect.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * A connection's stored switch and schedule plan.
 *
 * @param nextFireAt the firing planned last, or none while switched off or without a schedule
 */
public record ConnectionState(String connectionId, boolean enabled, Optional<Instant> nextFireAt, Instant updatedAt) {
}
