package dev.portmoneconnect.portmone;

import java.time.LocalDate;

/**
 * What a {@code result} call asks for: one order, or every order of a range of days (Portmone's
 * dates, Kyiv time, both ends included).
 *
 * @param shopOrderNumber the order asked about, or null for every order of the range
 */
public record ResultQuery(String shopOrderNumber, LocalDate startDate, LocalDate endDate) {

    public ResultQuery {
        if (startDate == null || endDate == null || endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("a result query needs a start date on or before its end date");
        }
    }

    public static ResultQuery order(String shopOrderNumber, LocalDate from, LocalDate to) {
        return new ResultQuery(shopOrderNumber, from, to);
    }

    public static ResultQuery range(LocalDate from, LocalDate to) {
        return new ResultQuery(null, from, to);
    }
}
