package dev.portmoneconnect.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts in kopiyky, and amounts as people read them: {@code 1 250,50 грн}, {@code UAH 1,250.50}. */
public final class Money {

    private Money() {
    }

    public static long toMinor(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }

    public static BigDecimal ofMinor(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }

    /** Ukrainian ({@code uk}): {@code 1 250,50 грн}; otherwise {@code UAH 1,250.50}. */
    public static String format(long minor, String language) {
        BigDecimal amount = ofMinor(minor);
        if ("uk".equals(language)) {
            return number(amount, ' ', ',') + " грн";
        }
        return "UAH " + number(amount, ',', '.');
    }

    /** The number alone, grouped and with two decimals, as the language writes it. */
    public static String number(long minor, String language) {
        BigDecimal amount = ofMinor(minor);
        return "uk".equals(language) ? number(amount, ' ', ',') : number(amount, ',', '.');
    }

    private static String number(BigDecimal amount, char grouping, char decimal) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(grouping);
        symbols.setDecimalSeparator(decimal);
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }
}
