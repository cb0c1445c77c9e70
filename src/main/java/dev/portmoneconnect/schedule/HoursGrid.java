package dev.portmoneconnect.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An interval of 2 to 24 hours, aligned to the zone's midnight: every 6 hours fires at 00:00,
 * 06:00, 12:00 and 18:00 wall-clock time, with the daylight-saving rules of {@link DailyTimes}.
 */
record HoursGrid(int hours, DailyTimes daily) implements FireSchedule {

    static HoursGrid every(int hours, ZoneId zone) {
        List<LocalTime> times = new ArrayList<>();
        for (int hour = 0; hour < 24; hour += hours) {
            times.add(LocalTime.of(hour, 0));
        }
        return new HoursGrid(hours, new DailyTimes(times, zone));
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
        String at = hours == 24 ? "at 00:00" : "from 00:00";
        return "every " + hours + " hours, " + at + " (" + daily.zone().getId() + ")";
    }
}
