package dev.portmoneconnect.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The update intervals a connection may choose with {@code every}. */
public enum IntervalPreset {
    MINUTE("1m", Duration.ofMinutes(1)),
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    TEN_MINUTES("10m", Duration.ofMinutes(10)),
    FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
    THIRTY_MINUTES("30m", Duration.ofMinutes(30)),
    HOUR("1h", Duration.ofHours(1)),
    TWO_HOURS("2h", Duration.ofHours(2)),
    THREE_HOURS("3h", Duration.ofHours(3)),
    SIX_HOURS("6h", Duration.ofHours(6)),
    TWELVE_HOURS("12h", Duration.ofHours(12)),
    DAY("24h", Duration.ofHours(24));

    private final String code;
    private final Duration period;

    IntervalPreset(String code, Duration period) {
        this.code = code;
        this.period = period;
    }

    public String code() {
        return code;
    }

    public static Optional<IntervalPreset> of(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(IntervalPreset::code).collect(Collectors.joining(", "));
    }

    /**
     * Up to an hour the interval counts real time; longer ones follow the wall clock from midnight,
     * so "every 24 hours" stays at 00:00 across daylight-saving changes.
     */
    public FireSchedule in(ZoneId zone) {
        if (period.compareTo(Duration.ofHours(1)) <= 0) {
            return new AlignedInterval(period, zone, words());
        }
        return HoursGrid.every((int) period.toHours(), zone);
    }

    private String words() {
        long minutes = period.toMinutes();
        if (minutes == 1) {
            return "every minute";
        }
        if (minutes == 60) {
            return "every hour";
        }
        return "every " + minutes + " minutes";
    }
}
