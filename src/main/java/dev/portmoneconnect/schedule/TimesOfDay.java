package dev.portmoneconnect.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Daily at one or several times of day ("09:00, 13:30, 18:00"). A time less than five minutes away
 * when the schedule is set, switched on or loaded at start-up is left for the next day: set 12:10 at
 * 12:08 and it first fires tomorrow at 12:10; set 12:20 at 12:13 and it fires today.
 */
record TimesOfDay(DailyTimes daily) implements FireSchedule {

    static final Duration MIN_LEAD = Duration.ofMinutes(5);

    @Override
    public Optional<Instant> first(Clock clock) {
        return Optional.of(daily.atOrAfter(clock.instant().plus(MIN_LEAD)));
    }

    @Override
    public Optional<Instant> nextAfter(Instant previous) {
        return Optional.of(daily.after(previous));
    }

    @Override
    public ZoneId zone() {
        return daily.zone();
    }

    @Override
    public String describe() {
        return "daily at " + daily.joined() + " (" + daily.zone().getId() + ")";
    }
}
