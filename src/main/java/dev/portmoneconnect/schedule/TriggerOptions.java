package dev.portmoneconnect.schedule;

/** The trigger options of a {@code connection:} endpoint as written in the route file. */
public record TriggerOptions(String every, String cron, String times, String timeZone, String after,
                             String afterOutcome, boolean enabled, String misfire) {
}
