package dev.portmoneconnect.schedule;

import dev.portmoneconnect.ledger.RunStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionTriggerTest {

    private static ConnectionTrigger parse(String every, String cron, String times, String timeZone, String after,
                                           String afterOutcome, String misfire) {
        return ConnectionTrigger.parse("orders",
                new TriggerOptions(every, cron, times, timeZone, after, afterOutcome, true, misfire));
    }

    @Test
    void defaults() {
        ConnectionTrigger trigger = parse(null, null, null, null, null, null, null);
        assertThat(trigger.schedule()).isEmpty();
        assertThat(trigger.after()).isEmpty();
        assertThat(trigger.zone().getId()).isEqualTo("Europe/Kyiv");
        assertThat(trigger.afterOutcome()).isEqualTo(AfterOutcome.SUCCESS);
        assertThat(trigger.misfire()).isEqualTo(Misfire.CATCH_UP);
        assertThat(trigger.describe()).isEqualTo("manual only");
    }

    @Test
    void describesEachKindInWords() {
        assertThat(parse("15m", null, null, null, null, null, null).describe()).isEqualTo("every 15 minutes");
        assertThat(parse(null, null, "09:00,13:30", null, null, null, null).describe())
                .isEqualTo("daily at 09:00, 13:30 (Europe/Kyiv)");
        assertThat(parse(null, null, null, null, "landing-orders", null, null).describe())
                .isEqualTo("after landing-orders succeeds");
        assertThat(parse(null, null, null, null, "landing-orders", "any", null).describe())
                .isEqualTo("after landing-orders finishes");
        assertThat(parse("1h", null, null, null, "landing-orders", null, null).describe())
                .isEqualTo("every hour, and after landing-orders succeeds");
    }

    @Test
    void badOptionsAreRefusedWithTheOptionNamed() {
        assertThatThrownBy(() -> parse("7m", null, null, null, null, null, null))
                .isInstanceOf(InvalidTriggerException.class)
                .hasMessage("Connection 'orders': every '7m' is not one of 1m, 5m, 10m, 15m, 30m, 1h, 2h, 3h, 6h, 12h,"
                        + " 24h; use cron for other intervals");
        assertThatThrownBy(() -> parse("15m", null, "09:00", null, null, null, null))
                .hasMessage("Connection 'orders': set only one of every, cron and times");
        assertThatThrownBy(() -> parse(null, "0 0 25 * * ?", null, null, null, null, null))
                .hasMessageStartingWith("Connection 'orders': cron '0 0 25 * * ?' is not a Quartz cron expression");
        assertThatThrownBy(() -> parse(null, null, "09:00, 25:00", null, null, null, null))
                .hasMessage("Connection 'orders': times '09:00, 25:00' holds '25:00', which is not a time of day:"
                        + " write HH:mm, such as 09:00,13:30,18:00");
        assertThatThrownBy(() -> parse(null, null, "9am", null, null, null, null))
                .hasMessageContaining("holds '9am'");
        assertThatThrownBy(() -> parse(null, null, "09:00", "Kyiv/Nowhere", null, null, null))
                .hasMessage("Connection 'orders': timeZone 'Kyiv/Nowhere' is not a time zone such as Europe/Kyiv");
        assertThatThrownBy(() -> parse(null, null, null, null, "orders", null, null))
                .hasMessage("Connection 'orders': after names the connection itself");
        assertThatThrownBy(() -> parse(null, null, null, null, "a", "sometimes", null))
                .hasMessage("Connection 'orders': afterOutcome 'sometimes' must be success or any");
        assertThatThrownBy(() -> parse("15m", null, null, null, null, null, "burst"))
                .hasMessage("Connection 'orders': misfire 'burst' must be catch-up or skip");
    }

    @Test
    void theScheduleKeyChangesWithTheSchedule() {
        assertThat(parse("15m", null, null, null, null, null, null).scheduleKey())
                .isEqualTo(parse("15m", null, null, null, "x", null, "skip").scheduleKey());
        assertThat(parse("15m", null, null, null, null, null, null).scheduleKey())
                .isNotEqualTo(parse("30m", null, null, null, null, null, null).scheduleKey());
        assertThat(parse(null, null, "09:00", null, null, null, null).scheduleKey())
                .isNotEqualTo(parse(null, null, "09:00", "Europe/Warsaw", null, null, null).scheduleKey());
        assertThat(parse(null, null, null, null, "x", null, null).scheduleKey()).isEmpty();
    }

    @Test
    void successMeansTheRunCompletedAndAnyMeansAnyEnd() {
        assertThat(AfterOutcome.SUCCESS.startsAfter(RunStatus.SUCCEEDED)).isTrue();
        assertThat(AfterOutcome.SUCCESS.startsAfter(RunStatus.PARTIAL)).isTrue();
        assertThat(AfterOutcome.SUCCESS.startsAfter(RunStatus.FAILED)).isFalse();
        assertThat(AfterOutcome.ANY.startsAfter(RunStatus.FAILED)).isTrue();
    }
}
