package dev.portmoneconnect.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection's trigger in words, in English ({@link ConnectionTrigger#describe()}) or Ukrainian,
 * for the dashboard.
 */
public final class TriggerWords {

    private TriggerWords() {
    }

    /** @param language {@code uk} for Ukrainian, anything else for English */
    public static String of(ConnectionTrigger trigger, String language) {
        if (!"uk".equals(language)) {
            return trigger.describe();
        }
        List<String> parts = new ArrayList<>();
        trigger.schedule().ifPresent(s -> parts.add(ukrainian(s)));
        trigger.after().ifPresent(a -> parts.add(trigger.afterOutcome() == AfterOutcome.SUCCESS
                ? "після успішного запуску " + a : "після кожного запуску " + a));
        return parts.isEmpty() ? "лише вручну" : String.join(", а також ", parts);
    }

    private static String ukrainian(FireSchedule schedule) {
        String zone = " (" + schedule.zone().getId() + ")";
        if (schedule instanceof AlignedInterval interval) {
            return minutes(interval.period());
        }
        if (schedule instanceof HoursGrid grid) {
            return grid.hours() == 24 ? "щодня о 00:00" + zone : "кожні " + grid.hours() + " " + hours(grid.hours())
                    + ", від 00:00" + zone;
        }
        if (schedule instanceof TimesOfDay times) {
            return "щодня о " + times.daily().joined() + zone;
        }
        if (schedule instanceof CronSchedule cron) {
            return "cron " + cron.expression() + zone;
        }
        return schedule.describe();
    }

    private static String minutes(Duration period) {
        long minutes = period.toMinutes();
        if (minutes == 1) {
            return "щохвилини";
        }
        if (minutes == 60) {
            return "щогодини";
        }
        return "кожні " + minutes + " хвилин";
    }

    /** 2, 3 години; 6, 12 годин. */
    private static String hours(int hours) {
        int last = hours % 10;
        boolean teen = hours % 100 >= 11 && hours % 100 <= 14;
        return !teen && last >= 2 && last <= 4 ? "години" : "годин";
    }
}
