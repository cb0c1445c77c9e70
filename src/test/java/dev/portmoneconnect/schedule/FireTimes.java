package dev.portmoneconnect.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Helpers for the fire-time tests: Kyiv wall-clock times, fixed clocks, ISO output with offsets. */
final class FireTimes {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private FireTimes() {
    }

    /** A clock stopped at a Kyiv wall-clock time such as "2026-06-10T12:08". */
    static Clock kyivClock(String localDateTime) {
        return Clock.fixed(kyiv(localDateTime), KYIV);
    }

    static Instant kyiv(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(KYIV).toInstant();
    }

    static String iso(Instant instant) {
        return OffsetDateTime.ofInstant(instant, KYIV).toString();
    }

    static List<String> iso(List<Instant> instants) {
        return instants.stream().map(FireTimes::iso).toList();
    }

    static ConnectionTrigger trigger(String every, String cron, String times) {
        return ConnectionTrigger.parse("c", new TriggerOptions(every, cron, times, null, null, null, true, null));
    }

    static FireSchedule schedule(String every, String cron, String times) {
        return trigger(every, cron, times).schedule().orElseThrow();
    }
}
