package dev.portmoneconnect.source;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * A value a source reads by (an id, a time, a text), kept as text with its type so that it can be
 * stored and later bound to a query, or sent to an API, as the same kind of value it was read as.
 *
 * @param type {@code integer}, {@code decimal}, {@code text}, {@code timestamp} (a JDBC timestamp),
 *             {@code local-date-time}, {@code offset-date-time} or {@code date}
 */
public record CursorValue(String type, String text) {

    public static final int MAX_LENGTH = 500;

    public CursorValue {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a cursor value is at most " + MAX_LENGTH + " characters");
        }
    }

    /** The value as read from a database row or a JSON document. */
    public static CursorValue of(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("a cursor value cannot be empty");
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return new CursorValue("integer", value.toString());
        }
        if (value instanceof BigDecimal decimal) {
            BigDecimal plain = decimal.stripTrailingZeros();
            return plain.scale() <= 0 ? new CursorValue("integer", plain.toBigIntegerExact().toString())
                    : new CursorValue("decimal", plain.toPlainString());
        }
        if (value instanceof Double || value instanceof Float) {
            return of(new BigDecimal(value.toString()));
        }
        if (value instanceof Timestamp timestamp) {
            return new CursorValue("timestamp", timestamp.toLocalDateTime().toString());
        }
        if (value instanceof java.sql.Date date) {
            return new CursorValue("date", date.toLocalDate().toString());
        }
        if (value instanceof LocalDate date) {
            return new CursorValue("date", date.toString());
        }
        if (value instanceof LocalDateTime time) {
            return new CursorValue("local-date-time", time.toString());
        }
        if (value instanceof OffsetDateTime time) {
            return new CursorValue("offset-date-time", time.toString());
        }
        if (value instanceof ZonedDateTime time) {
            return new CursorValue("offset-date-time", time.toOffsetDateTime().toString());
        }
        return new CursorValue("text", value.toString());
    }

    /** The value as it was read: what a query binds. */
    public Object value() {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "integer" -> {
                BigInteger big = new BigInteger(text);
                yield big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
            }
            case "decimal" -> new BigDecimal(text);
            case "timestamp" -> Timestamp.valueOf(LocalDateTime.parse(text));
            case "date" -> java.sql.Date.valueOf(LocalDate.parse(text));
            case "local-date-time" -> LocalDateTime.parse(text);
            case "offset-date-time" -> OffsetDateTime.parse(text);
            default -> text;
        };
    }

    /**
     * Orders two values read by the same source: numbers by value, times by instant, other text as
     * text (ISO times of one offset sort as text too).
     */
    public static int compare(Object a, Object b) {
        CursorValue x = of(a);
        CursorValue y = of(b);
        if (x.isNumber() && y.isNumber()) {
            return new BigDecimal(x.text).compareTo(new BigDecimal(y.text));
        }
        return x.text.compareTo(y.text);
    }

    private boolean isNumber() {
        return type.equals("integer") || type.equals("decimal");
    }
}
