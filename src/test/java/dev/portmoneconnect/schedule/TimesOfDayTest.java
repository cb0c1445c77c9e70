package dev.portmoneconnect.schedule;

import org.junit.jupiter.api.Test;

import java.time.Clock;

import static dev.portmoneconnect.schedule.FireTimes.iso;
import static dev.portmoneconnect.schedule.FireTimes.kyiv;
import static dev.portmoneconnect.schedule.FireTimes.kyivClock;
import static dev.portmoneconnect.schedule.FireTimes.schedule;
import static org.assertj.core.api.Assertions.assertThat;

class TimesOfDayTest {

    @Test
    void aTimeLessThanFiveMinutesAwayFirstFiresTheNextDay() {
        FireSchedule at1210 = schedule(null, null, "12:10");
        assertThat(iso(at1210.first(kyivClock("2026-06-10T12:08")).orElseThrow()))
                .isEqualTo("2026-06-11T12:10+03:00");
        assertThat(iso(at1210.first(kyivClock("2026-06-10T12:05:00.001")).orElseThrow()))
                .isEqualTo("2026-06-11T12:10+03:00");
    }

    @Test
    void aTimeFiveMinutesOrMoreAwayFiresToday() {
        FireSchedule at1220 = schedule(null, null, "12:20");
        assertThat(iso(at1220.first(kyivClock("2026-06-10T12:13")).orElseThrow()))
                .isEqualTo("2026-06-10T12:20+03:00");
        FireSchedule at1210 = schedule(null, null, "12:10");
        assertThat(iso(at1210.first(kyivClock("2026-06-10T12:05")).orElseThrow()))
                .isEqualTo("2026-06-10T12:10+03:00");
    }

    @Test
    void thenItFiresDaily() {
        FireSchedule at1210 = schedule(null, null, "12:10");
        Clock setAt = kyivClock("2026-06-10T12:08");
        assertThat(iso(at1210.upcoming(at1210.first(setAt).orElseThrow(), 3))).containsExactly(
                "2026-06-11T12:10+03:00", "2026-06-12T12:10+03:00", "2026-06-13T12:10+03:00");
    }

    @Test
    void theFiveMinuteRuleSkipsOnlyTheTimeThatIsTooClose() {
        FireSchedule times = schedule(null, null, "12:10, 15:00");
        assertThat(iso(times.first(kyivClock("2026-06-10T12:08")).orElseThrow())).isEqualTo("2026-06-10T15:00+03:00");
    }

    @Test
    void afterAFiringTheNextTimeFiresEvenWhenItIsMinutesAway() {
        FireSchedule times = schedule(null, null, "09:00,09:03");
        assertThat(iso(times.nextAfter(kyiv("2026-06-10T09:00")).orElseThrow())).isEqualTo("2026-06-10T09:03+03:00");
    }

    @Test
    void severalTimesADayFireInOrderWhateverOrderTheyAreWrittenIn() {
        FireSchedule times = schedule(null, null, "18:00, 09:00,13:30, 9:00");
        Clock now = kyivClock("2026-02-10T10:00");
        assertThat(iso(times.upcoming(times.first(now).orElseThrow(), 5))).containsExactly(
                "2026-02-10T13:30+02:00", "2026-02-10T18:00+02:00", "2026-02-11T09:00+02:00",
                "2026-02-11T13:30+02:00", "2026-02-11T18:00+02:00");
        assertThat(times.describe()).isEqualTo("daily at 09:00, 13:30, 18:00 (Europe/Kyiv)");
    }

    @Test
    void aTimeMissingOnTheSpringForwardDayFiresOnceWhenTheClocksJump() {
        // 2026-03-29 03:00 EET: clocks go to 04:00 EEST; 03:30 does not exist that night.
        FireSchedule at0330 = schedule(null, null, "03:30");
        assertThat(iso(at0330.upcoming(at0330.nextAfter(kyiv("2026-03-28T00:00")).orElseThrow(), 3))).containsExactly(
                "2026-03-28T03:30+02:00", "2026-03-29T04:00+03:00", "2026-03-30T03:30+03:00");
    }

    @Test
    void severalMissingTimesFireOnceTogether() {
        FireSchedule times = schedule(null, null, "03:00,03:30,04:00,05:00");
        assertThat(iso(times.upcoming(times.nextAfter(kyiv("2026-03-29T00:00")).orElseThrow(), 3))).containsExactly(
                "2026-03-29T04:00+03:00", "2026-03-29T05:00+03:00", "2026-03-30T03:00+03:00");
    }

    @Test
    void aTimeOccurringTwiceOnTheFallBackDayFiresOnceAtItsFirstOccurrence() {
        // 2026-10-25 04:00 EEST: clocks go back to 03:00 EET; 03:30 happens twice that night.
        FireSchedule at0330 = schedule(null, null, "03:30");
        assertThat(iso(at0330.upcoming(at0330.nextAfter(kyiv("2026-10-24T12:00")).orElseThrow(), 2))).containsExactly(
                "2026-10-25T03:30+03:00", "2026-10-26T03:30+02:00");
        assertThat(iso(at0330.nextAfter(kyiv("2026-10-25T03:30")).orElseThrow())).isEqualTo("2026-10-26T03:30+02:00");
    }

    @Test
    void theFiveMinuteRuleCountsRealTimeAcrossTheSpringForwardJump() {
        // At 02:57 EET the 03:00 firing resolves to 04:00 EEST, three real minutes away: next day.
        FireSchedule at0300 = schedule(null, null, "03:00");
        assertThat(iso(at0300.first(kyivClock("2026-03-29T02:57")).orElseThrow())).isEqualTo("2026-03-30T03:00+03:00");
        assertThat(iso(at0300.first(kyivClock("2026-03-29T02:54")).orElseThrow())).isEqualTo("2026-03-29T04:00+03:00");
    }

    @Test
    void anotherTimeZoneIsHonoured() {
        ConnectionTrigger trigger = ConnectionTrigger.parse("c",
                new TriggerOptions(null, null, "09:00", "Europe/Warsaw", null, null, true, null));
        FireSchedule schedule = trigger.schedule().orElseThrow();
        assertThat(schedule.first(kyivClock("2026-06-10T09:00")).orElseThrow())
                .isEqualTo(kyiv("2026-06-10T10:00"));
        assertThat(trigger.describe()).isEqualTo("daily at 09:00 (Europe/Warsaw)");
    }
}
