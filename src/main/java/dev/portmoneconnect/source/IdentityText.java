package dev.portmoneconnect.source;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A value as it identifies a record: a number and the text of that number are the same
 * ({@code 16016}, {@code 16016.0} and {@code "16016"} all read {@code 16016}), and spaces around
 * text, non-breaking ones included, do not count. Text that is not exactly a number's text
 * ({@code "007"}, {@code "1 250"}) stays text.
 */
final class IdentityText {

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    private IdentityText() {
    }

    /** The value's identity text; null stays null. */
    static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return canonical(decimal);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Number number) {
            return canonical(new BigDecimal(number.toString()));
        }
        if (value instanceof String text) {
            String stripped = strip(text);
            return NUMBER.matcher(stripped).matches() ? canonical(new BigDecimal(stripped)) : stripped;
        }
        return value.toString();
    }

    /** Text without the white space around it, non-breaking and narrow spaces included. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
    }

    private static String canonical(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }
}
