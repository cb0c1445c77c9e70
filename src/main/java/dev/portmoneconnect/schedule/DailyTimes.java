package dev.portmoneconnect.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Wall-clock times of day in a time zone, with the daylight-saving rules: a time that does not
 * exist on the spring-forward day fires once, at the instant the clocks jump (in Kyiv 03:30 becomes
 * 04:00 summer time); a time that occurs twice on the fall-back day fires once, at its first
 * occurrence.
 */
final class DailyTimes {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final List<LocalTime> times;
    private final ZoneId zone;

    DailyTimes(List<LocalTime> times, ZoneId zone) {
        if (times.isEmpty()) {
            throw new IllegalArgumentException("at least one time of day is needed");
        }
        this.times = times.stream().distinct().sorted().toList();
        this.zone = zone;
    }

    List<LocalTime> times() {
        return times;
    }

    ZoneId zone() {
        return zone;
    }

    /** The first firing strictly after {@code instant}. */
    Instant after(Instant instant) {
        return first(instant, candidate -> candidate.isAfter(instant));
    }

    /** The first firing at or after {@code instant}. */
    Instant atOrAfter(Instant instant) {
        return first(instant, candidate -> !candidate.isBefore(instant));
    }

    String joined() {
        return times.stream().map(HH_MM::format).collect(Collectors.joining(", "));
    }

    /**
     * Resolved instants never decrease as local date-times increase (a gap maps to its end, an
     * overlap to its first occurrence), so the first match in calendar order is the earliest.
     */
    private Instant first(Instant from, Predicate<Instant> accept) {
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 4; i++, day = day.plusDays(1)) {
            for (LocalTime time : times) {
                Instant candidate = resolve(day, time);
                if (accept.test(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no time of day within two days of " + from);
    }

    Instant resolve(LocalDate day, LocalTime time) {
        LocalDateTime local = day.atTime(time);
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.toInstant(offsets.get(0));
    }
}
