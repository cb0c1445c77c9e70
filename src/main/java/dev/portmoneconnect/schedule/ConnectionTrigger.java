package dev.portmoneconnect.schedule;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What starts a connection on its own: a schedule (an interval preset, a cron expression or times
 * of day), another connection finishing, both, or neither (then only "run now" does).
 *
 * @param schedule         the schedule, if any
 * @param after            the upstream connection, if any
 * @param initiallyEnabled the route file's initial on/off state; the stored switch overrides it
 */
public record ConnectionTrigger(String connectionId, Optional<FireSchedule> schedule, Optional<String> after,
                                AfterOutcome afterOutcome, boolean initiallyEnabled, Misfire misfire, ZoneId zone) {

    public static final String DEFAULT_TIME_ZONE = "Europe/Kyiv";

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("H:mm");

    /** @throws InvalidTriggerException naming the option that cannot be used */
    public static ConnectionTrigger parse(String connectionId, TriggerOptions options) {
        ZoneId zone = zone(connectionId, options.timeZone());
        long schedules = Stream.of(options.every(), options.cron(), options.times()).filter(ConnectionTrigger::given)
                .count();
        if (schedules > 1) {
            throw invalid(connectionId, "every", "TRIGGER_ONE_SCHEDULE", Map.of());
        }
        Optional<FireSchedule> schedule = Optional.empty();
        if (given(options.every())) {
            String every = options.every().trim();
            schedule = Optional.of(IntervalPreset.of(every)
                    .orElseThrow(() -> invalid(connectionId, "every", "TRIGGER_EVERY",
                            Map.of("value", every, "presets", IntervalPreset.codes())))
                    .in(zone));
        } else if (given(options.cron())) {
            schedule = Optional.of(cron(connectionId, options.cron().trim(), zone));
        } else if (given(options.times())) {
            schedule = Optional.of(new TimesOfDay(new DailyTimes(times(connectionId, options.times()), zone)));
        }
        Optional<String> after = Optional.ofNullable(options.after()).map(String::trim).filter(a -> !a.isEmpty());
        if (after.isPresent() && after.get().equals(connectionId)) {
            throw invalid(connectionId, "after", "TRIGGER_AFTER_SELF", Map.of());
        }
        String outcomeCode = options.afterOutcome() == null ? AfterOutcome.SUCCESS.code() : options.afterOutcome().trim();
        AfterOutcome outcome = AfterOutcome.of(outcomeCode)
                .orElseThrow(() -> invalid(connectionId, "afterOutcome", "TRIGGER_AFTER_OUTCOME",
                        Map.of("value", outcomeCode)));
        String misfireCode = options.misfire() == null ? Misfire.CATCH_UP.code() : options.misfire().trim();
        Misfire misfire = Misfire.of(misfireCode)
                .orElseThrow(() -> invalid(connectionId, "misfire", "TRIGGER_MISFIRE", Map.of("value", misfireCode)));
        return new ConnectionTrigger(connectionId, schedule, after, outcome, options.enabled(), misfire, zone);
    }

    /** The trigger in words: "every 15 minutes", "daily at 09:00, 13:30 (Europe/Kyiv), and after a succeeds". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        schedule.ifPresent(s -> parts.add(s.describe()));
        after.ifPresent(a -> parts.add("after " + a + " " + afterOutcome.verb()));
        return parts.isEmpty() ? "manual only" : String.join(", and ", parts);
    }

    /** Identifies the schedule, so that a plan made under another version of the route file is noticed. */
    public Optional<String> scheduleKey() {
        return schedule.map(s -> s.describe() + " @" + zone.getId());
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    private static ZoneId zone(String connectionId, String timeZone) {
        String id = given(timeZone) ? timeZone.trim() : DEFAULT_TIME_ZONE;
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw invalid(connectionId, "timeZone", "TRIGGER_TIME_ZONE", Map.of("value", id));
        }
    }

    private static CronSchedule cron(String connectionId, String expression, ZoneId zone) {
        try {
            return new CronSchedule(expression, zone);
        } catch (ParseException | RuntimeException e) {
            throw invalid(connectionId, "cron", "TRIGGER_CRON",
                    Map.of("value", expression, "detail", String.valueOf(e.getMessage())));
        }
    }

    private static List<LocalTime> times(String connectionId, String times) {
        List<LocalTime> parsed = new ArrayList<>();
        for (String part : times.split(",")) {
            String time = part.trim();
            try {
                parsed.add(LocalTime.parse(time, TIME_OF_DAY));
            } catch (DateTimeParseException e) {
                throw invalid(connectionId, "times", "TRIGGER_TIMES", Map.of("value", times.trim(), "time", time));
            }
        }
        return parsed;
    }

    private static InvalidTriggerException invalid(String connectionId, String option, String code,
                                                   Map<String, ?> values) {
        return new InvalidTriggerException(connectionId, option, code, values);
    }
}
