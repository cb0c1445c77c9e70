package dev.portmoneconnect.schedule;

import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

/** A Quartz cron expression in a time zone, for schedules the presets and times of day do not cover. */
final class CronSchedule implements FireSchedule {

    private final String expression;
    private final ZoneId zone;
    private final CronExpression cron;

    CronSchedule(String expression, ZoneId zone) throws ParseException {
        this.expression = expression;
        this.zone = zone;
        this.cron = new CronExpression(expression);
        this.cron.setTimeZone(TimeZone.getTimeZone(zone));
    }

    @Override
    public Optional<Instant> nextAfter(Instant previous) {
        Date next;
        synchronized (cron) {
            next = cron.getNextValidTimeAfter(Date.from(previous));
        }
        return Optional.ofNullable(next).map(Date::toInstant);
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    String expression() {
        return expression;
    }

    @Override
    public String describe() {
        return "cron " + expression + " (" + zone.getId() + ")";
    }
}
