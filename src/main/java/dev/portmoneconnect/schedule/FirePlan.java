package dev.portmoneconnect.schedule;

import java.time.Instant;

/**
 * The firing Quartz holds for a connection.
 *
 * @param at          when it is due (in the past when a missed firing waits to be handled)
 * @param scheduleKey the schedule it was planned under, see {@link ConnectionTrigger#scheduleKey()}
 */
public record FirePlan(Instant at, String scheduleKey) {
}
