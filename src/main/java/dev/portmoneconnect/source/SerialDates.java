package dev.portmoneconnect.source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spreadsheet serial numbers to ISO text: days since 30 December 1899, the fraction being the time
 * of day. {@code 45688} is {@code 2025-01-31}, {@code 45688.5} is {@code 2025-01-31T12:00}, and a
 * time alone ({@code 0.75}) is {@code 18:00}. A date typed as text reads the same:
 * {@code "2025-01-31"}, {@code "31.01.2025"} and {@code "31.01.2025 12:00"} give the ISO text of the
 * serial number of that day and time.
 */
public final class SerialDates {

    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
    private static final long SECONDS_PER_DAY = 86_400;

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern DOTTED = Pattern.compile(
            "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:,? (\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

    private SerialDates() {
    }

    /** The ISO text of a date typed as text (ISO, or day.month.year), or null when it is not such a date. */
    static String textToIso(String text) {
        String stripped = text.strip();
        Matcher iso = ISO.matcher(stripped);
        if (iso.matches()) {
            return iso(iso.group(1), iso.group(2), iso.group(3), iso.group(4), iso.group(5), iso.group(6));
        }
        Matcher dotted = DOTTED.matcher(stripped);
        if (dotted.matches()) {
            return iso(dotted.group(3), dotted.group(2), dotted.group(1), dotted.group(4), dotted.group(5),
                    dotted.group(6));
        }
        return null;
    }

    private static String iso(String year, String month, String day, String hour, String minute, String second) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            if (hour == null) {
                return date.toString();
            }
            LocalTime time = LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute),
                    second == null ? 0 : Integer.parseInt(second));
            return time.equals(LocalTime.MIDNIGHT) ? date.toString() : LocalDateTime.of(date, time).toString();
        } catch (DateTimeException e) {
            return null;
        }
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
