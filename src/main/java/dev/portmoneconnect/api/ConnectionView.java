package dev.portmoneconnect.api;

import java.util.List;

/**
 * A connection as the API shows it.
 *
 * @param source        where its records come from: webhook, google-sheets
 * @param delivery      how payment links reach payers: email, sms, or both as "email,sms"
 * @param trigger       what starts it, in words
 * @param nextFireTimes its next five scheduled firings, ISO-8601 with the offset of its time zone; empty
 *                      while switched off or without a schedule
 * @param upstream      the connection it runs after, if any
 * @param downstream    the connections that run after it
 */
public record ConnectionView(String id, String description, String source, String delivery, boolean enabled,
                             String trigger, String timeZone, List<String> nextFireTimes, String upstream,
                             List<String> downstream, RunView lastRun) {
}
