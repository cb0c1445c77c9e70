package dev.portmoneconnect.source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Spreadsheet serial numbers to ISO text: days since 30 December 1899, the fraction being the time
 * of day. {@code 45688} is {@code 2025-01-31}, {@code 45688.5} is {@code 2025-01-31T12:00}, and a
 * time alone ({@code 0.75}) is {@code 18:00}.
 */
public final class SerialDates {

    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
    private static final long SECONDS_PER_DAY = 86_400;

    private SerialDates() {
    }

    public static String toIso(Number serial) {
        BigDecimal value = new BigDecimal(serial.toString());
        long totalSeconds = value.multiply(BigDecimal.valueOf(SECONDS_PER_DAY)).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        long days = Math.floorDiv(totalSeconds, SECONDS_PER_DAY);
        long seconds = Math.floorMod(totalSeconds, SECONDS_PER_DAY);
        if (seconds == 0) {
            return EPOCH.plusDays(days).toString();
        }
        LocalTime time = LocalTime.ofSecondOfDay(seconds);
        return days == 0 ? time.toString() : LocalDateTime.of(EPOCH.plusDays(days), time).toString();
    }
}
