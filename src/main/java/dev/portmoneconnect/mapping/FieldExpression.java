package dev.portmoneconnect.mapping;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mapping expression that only reads one field of the record, {@code ${body[name]}}, the form
 * almost every mapping uses. It reads the field from the record's map of fields directly, which
 * gives what Camel's simple language gives (the field's value, or null when the record has no such
 * field) without the bean language's lookup on every evaluation; any other body goes to Camel's
 * expression.
 */
final class FieldExpression implements Expression {

    private static final Pattern BODY_FIELD = Pattern.compile("\\$\\{body\\[([A-Za-z0-9_-]+)]}");

    private final String field;
    private final Expression camel;

    private FieldExpression(String field, Expression camel) {
        this.field = field;
        this.camel = camel;
    }

    /** @return the field's name when the simple expression only reads one field of the body, otherwise null */
    static String fieldOf(String language, String text) {
        if (!"simple".equals(language) || text == null) {
            return null;
        }
        Matcher m = BODY_FIELD.matcher(text.strip());
        return m.matches() ? m.group(1) : null;
    }

    /** Reads {@code field} of a map body directly, and leaves every other body to {@code camel}. */
    static Expression of(String field, Expression camel) {
        return new FieldExpression(field, camel);
    }

    @Override
    public <T> T evaluate(Exchange exchange, Class<T> type) {
        Object body = exchange.getMessage().getBody();
        if (type == Object.class && body instanceof Map<?, ?> fields) {
            return type.cast(fields.get(field));
        }
        return camel.evaluate(exchange, type);
    }

    @Override
    public String toString() {
        return "${body[" + field + "]}";
    }
}
