package dev.portmoneconnect.schedule;

import org.junit.jupiter.api.Test;

import static dev.portmoneconnect.schedule.FireTimes.iso;
import static dev.portmoneconnect.schedule.FireTimes.kyiv;
import static dev.portmoneconnect.schedule.FireTimes.kyivClock;
import static dev.portmoneconnect.schedule.FireTimes.schedule;
import static org.assertj.core.api.Assertions.assertThat;

class IntervalScheduleTest {

    @Test
    void minutePresetsAreAlignedToTheClock() {
        FireSchedule every15 = schedule("15m", null, null);
        assertThat(iso(every15.upcoming(every15.first(kyivClock("2026-06-10T12:08:30")).orElseThrow(), 4)))
                .containsExactly("2026-06-10T12:15+03:00", "2026-06-10T12:30+03:00", "2026-06-10T12:45+03:00",
                        "2026-06-10T13:00+03:00");
        assertThat(every15.describe()).isEqualTo("every 15 minutes");
    }

    @Test
    void aFiringExactlyOnTheGridIsFollowedByTheNextOne() {
        FireSchedule every5 = schedule("5m", null, null);
        assertThat(iso(every5.nextAfter(kyiv("2026-06-10T12:10")).orElseThrow())).isEqualTo("2026-06-10T12:15+03:00");
        assertThat(iso(every5.first(kyivClock("2026-06-10T12:10")).orElseThrow())).isEqualTo("2026-06-10T12:15+03:00");
    }

    @Test
    void everyMinuteAndEveryHour() {
        FireSchedule minute = schedule("1m", null, null);
        assertThat(iso(minute.first(kyivClock("2026-06-10T12:08:59.999")).orElseThrow()))
                .isEqualTo("2026-06-10T12:09+03:00");
        assertThat(minute.describe()).isEqualTo("every minute");
        FireSchedule hour = schedule("1h", null, null);
        assertThat(iso(hour.first(kyivClock("2026-06-10T12:08")).orElseThrow())).isEqualTo("2026-06-10T13:00+03:00");
        assertThat(hour.describe()).isEqualTo("every hour");
        assertThat(schedule("10m", null, null).describe()).isEqualTo("every 10 minutes");
        assertThat(schedule("30m", null, null).describe()).isEqualTo("every 30 minutes");
    }

    @Test
    void hourlyCountsRealHoursAcrossDaylightSavingChanges() {
        FireSchedule hour = schedule("1h", null, null);
        assertThat(iso(hour.upcoming(hour.nextAfter(kyiv("2026-03-29T01:30")).orElseThrow(), 3))).containsExactly(
                "2026-03-29T02:00+02:00", "2026-03-29T04:00+03:00", "2026-03-29T05:00+03:00");
        assertThat(iso(hour.upcoming(hour.nextAfter(kyiv("2026-10-25T02:30")).orElseThrow(), 4))).containsExactly(
                "2026-10-25T03:00+03:00", "2026-10-25T03:00+02:00", "2026-10-25T04:00+02:00",
                "2026-10-25T05:00+02:00");
    }

    @Test
    void hourPresetsFollowTheWallClockFromMidnight() {
        FireSchedule every6 = schedule("6h", null, null);
        assertThat(iso(every6.upcoming(every6.first(kyivClock("2026-06-10T12:08")).orElseThrow(), 3)))
                .containsExactly("2026-06-10T18:00+03:00", "2026-06-11T00:00+03:00", "2026-06-11T06:00+03:00");
        assertThat(every6.describe()).isEqualTo("every 6 hours, from 00:00 (Europe/Kyiv)");
        FireSchedule every2 = schedule("2h", null, null);
        assertThat(iso(every2.first(kyivClock("2026-06-10T12:08")).orElseThrow())).isEqualTo("2026-06-10T14:00+03:00");
        FireSchedule every12 = schedule("12h", null, null);
        assertThat(iso(every12.upcoming(every12.first(kyivClock("2026-06-10T12:08")).orElseThrow(), 2)))
                .containsExactly("2026-06-11T00:00+03:00", "2026-06-11T12:00+03:00");
    }

    @Test
    void everyDayStaysAtMidnightAcrossDaylightSavingChanges() {
        FireSchedule daily = schedule("24h", null, null);
        assertThat(iso(daily.upcoming(daily.first(kyivClock("2026-03-28T12:00")).orElseThrow(), 3))).containsExactly(
                "2026-03-29T00:00+02:00", "2026-03-30T00:00+03:00", "2026-03-31T00:00+03:00");
        assertThat(daily.describe()).isEqualTo("every 24 hours, at 00:00 (Europe/Kyiv)");
    }

    @Test
    void threeHourlyFiresOnceAcrossEachDaylightSavingChange() {
        FireSchedule every3 = schedule("3h", null, null);
        assertThat(iso(every3.upcoming(every3.nextAfter(kyiv("2026-03-28T23:00")).orElseThrow(), 3))).containsExactly(
                "2026-03-29T00:00+02:00", "2026-03-29T04:00+03:00", "2026-03-29T06:00+03:00");
        assertThat(iso(every3.upcoming(every3.nextAfter(kyiv("2026-10-24T23:00")).orElseThrow(), 3))).containsExactly(
                "2026-10-25T00:00+03:00", "2026-10-25T03:00+03:00", "2026-10-25T06:00+02:00");
    }

    @Test
    void cronExpressionsFollowQuartzInTheConnectionsTimeZone() {
        FireSchedule cron = schedule(null, "0 0/20 9-10 ? * MON-FRI", null);
        // 2026-06-12 is a Friday
        assertThat(iso(cron.upcoming(cron.first(kyivClock("2026-06-12T10:30")).orElseThrow(), 3))).containsExactly(
                "2026-06-12T10:40+03:00", "2026-06-15T09:00+03:00", "2026-06-15T09:20+03:00");
        assertThat(cron.describe()).isEqualTo("cron 0 0/20 9-10 ? * MON-FRI (Europe/Kyiv)");
    }

    @Test
    void aCronExpressionThatHasEndedFiresNoMore() {
        FireSchedule cron = schedule(null, "0 0 12 1 1 ? 2020", null);
        assertThat(cron.first(kyivClock("2026-06-12T10:30"))).isEmpty();
    }
}
