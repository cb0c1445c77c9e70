package dev.portmoneconnect.mapping;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an amount in hryvnias as people type it in forms and sheets: {@code 1250}, {@code 1250.5},
 * {@code "1 250,50"}. The result always has two decimals. Anything ambiguous is refused rather than
 * guessed: an invoice for the wrong amount is worse than a record that waits for a fix.
 */
public final class AmountParser {

    /** Upper bound of one invoice; protects against exponent and unit mistakes ({@code 1e9}). */
    public static final BigDecimal MAXIMUM = new BigDecimal("1000000.00");

    private static final Pattern PLAIN = Pattern.compile("\\d+([.,]\\d{1,2})?");
    private static final Pattern TOO_PRECISE = Pattern.compile("\\d+[.,]\\d{3,}");
    private static final Pattern GROUP_SEPARATORS = Pattern.compile("[\\s\\u00A0\\u202F]");

    private AmountParser() {
    }

    /** @return the amount, or the reason it is not one */
    public static Result parse(Object raw) {
        if (raw == null) {
            return Result.error("REQUIRED", null);
        }
        if (raw instanceof Number number) {
            return fromDecimal(new BigDecimal(number.toString()), number.toString());
        }
        String text = GROUP_SEPARATORS.matcher(raw.toString().strip()).replaceAll("");
        if (text.isEmpty()) {
            return Result.error("REQUIRED", null);
        }
        if (TOO_PRECISE.matcher(text).matches()) {
            return Result.error("TOO_PRECISE", raw);
        }
        if (!PLAIN.matcher(text).matches()) {
            if (text.startsWith("-")) {
                return Result.error("NOT_POSITIVE", raw);
            }
            return Result.error("NOT_AN_AMOUNT", raw);
        }
        return fromDecimal(new BigDecimal(text.replace(',', '.')), raw.toString());
    }

    private static Result fromDecimal(BigDecimal value, String shown) {
        if (value.signum() <= 0) {
            return Result.error("NOT_POSITIVE", shown);
        }
        if (value.stripTrailingZeros().scale() > 2) {
            return Result.error("TOO_PRECISE", shown);
        }
        if (value.compareTo(MAXIMUM) > 0) {
            return Result.error("TOO_LARGE", shown);
        }
        return new Result(Optional.of(value.setScale(2)), null);
    }

    /** The amount, or why it is not one. */
    public record Result(Optional<BigDecimal> amount, Problem error) {
        static Result error(String code, Object refused) {
            return new Result(Optional.empty(), new Problem(code, refused));
        }
    }

    /**
     * Why a value is not an amount: a rule of {@code messages/reasons.properties} and the refused
     * value, if there was one.
     */
    public record Problem(String code, Object refused) {

        public FieldError forField(String field) {
            Map<String, Object> values = new HashMap<>();
            values.put("max", MAXIMUM.toPlainString());
            if (refused != null) {
                values.put("value", Display.clip(refused));
            }
            return FieldError.of(field, code, values);
        }

        /** The reason in English, as a field error gives it. */
        public String reason() {
            return forField("amount").reason();
        }
    }
}
