package dev.portmoneconnect.mapping;

import dev.portmoneconnect.reasons.Reasons;

import java.util.Map;

/**
 * Why one invoice field could not be taken from a source record.
 *
 * @param code   the rule the value broke, such as {@code NOT_AN_AMOUNT}: the key of its reason in
 *               {@code messages/reasons*.properties}, so the reason can be shown in any language
 * @param reason the reason in English, with the refused value quoted
 */
public record FieldError(String field, String code, String reason) {

    /** A field that broke one of the mapping's rules; the reason is the rule's English text. */
    public static FieldError of(String field, String code, Map<String, ?> values) {
        return new FieldError(field, code, Reasons.rule(code, values));
    }

    public static FieldError of(String field, String code) {
        return of(field, code, Map.of());
    }

    /** A field whose value was refused, quoted in the reason (bounded, control characters replaced). */
    public static FieldError refused(String field, String code, Object value) {
        return of(field, code, Map.of("value", Display.clip(value)));
    }

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
