package dev.portmoneconnect.api;

import java.time.Instant;
import java.util.List;

/**
 * A connection as the API shows it.
 *
 * @param id            the connection's id; null for a route file that could not be read (see startFailure)
 * @param source        where its records come from: webhook, google-sheets
 * @param delivery      how payment links reach payers: email, sms, or both as "email,sms"
 * @param trigger       what starts it, in words
 * @param nextFireTimes its next five scheduled firings, ISO-8601 with the offset of its time zone; empty
 *                      while switched off or without a schedule
 * @param upstream      the connection it runs after, if any
 * @param downstream    the connections that run after it
 * @param attention     its records that did not reach their payer: how many need an operator (failed, or
 *                      parked and no longer tried on their own) and since when, and how many retry on their own
 * @param startFailure  why its route did not start; null for a connection that runs
 */
public record ConnectionView(String id, String description, String source, String delivery, boolean enabled,
                             String trigger, String timeZone, List<String> nextFireTimes, String upstream,
                             List<String> downstream, RunView lastRun, Attention attention,
                             StartFailureView startFailure) {

    public record Attention(int needed, Instant since, int retrying) {
    }

    /**
     * Why a route file's connection did not start.
     *
     * @param file   the route file
     * @param option the option at fault, such as {@code every}, or null
     * @param code   the reason's code, such as {@code TRIGGER_EVERY} or {@code ROUTE_FILE_UNREADABLE}
     * @param reason the reason in English
     */
    public record StartFailureView(String file, String option, String code, String reason) {
    }
}
