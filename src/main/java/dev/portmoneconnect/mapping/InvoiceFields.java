package dev.portmoneconnect.mapping;

import dev.portmoneconnect.flow.Invoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the raw values a connection's expressions produced for one record into a validated
 * {@link Invoice}, collecting every field error instead of stopping at the first.
 */
public final class InvoiceFields {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 250;
    private static final Set<String> LANGUAGES = Set.of("uk", "en", "ru");

    private InvoiceFields() {
    }

    public record Raw(String recordKey, Object payerName, Object payerEmail, Object payerPhone, Object amount,
                      Object currency, Object description, Object language) {
    }

    public static Invoice validate(Raw raw, Set<Channel> channels) {
        List<FieldError> errors = new ArrayList<>();
        String name = text(raw.payerName());
        if (name == null) {
            errors.add(FieldError.of("payerName", "REQUIRED"));
        } else if (name.length() > MAX_NAME) {
            errors.add(FieldError.of("payerName", "TOO_LONG", Map.of("max", MAX_NAME)));
        } else if (hasControlCharacters(name)) {
            errors.add(FieldError.of("payerName", "CONTROL_CHARACTERS"));
        }

        String email = text(raw.payerEmail());
        if (email == null) {
            if (channels.contains(Channel.EMAIL)) {
                errors.add(FieldError.of("payerEmail", "REQUIRED_FOR_EMAIL"));
            }
        } else {
            FieldError problem = EmailAddress.check("payerEmail", email);
            if (problem != null) {
                errors.add(problem);
            }
        }

        String rawPhone = text(raw.payerPhone());
        String phone = null;
        if (rawPhone == null) {
            if (channels.contains(Channel.SMS)) {
                errors.add(FieldError.of("payerPhone", "REQUIRED_FOR_SMS"));
            }
        } else {
            phone = PhoneNumber.normalise(rawPhone);
            if (phone == null) {
                errors.add(FieldError.refused("payerPhone", "NOT_A_PHONE", rawPhone));
            }
        }

        AmountParser.Result amount = AmountParser.parse(raw.amount() instanceof String s && s.isBlank() ? null : raw.amount());
        if (amount.error() != null) {
            errors.add(amount.error().forField("amount"));
        }

        String currency = text(raw.currency());
        currency = currency == null ? "UAH" : currency.toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            errors.add(FieldError.refused("currency", "NOT_A_CURRENCY", currency));
        }

        String description = text(raw.description());
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(FieldError.of("description", "TOO_LONG", Map.of("max", MAX_DESCRIPTION)));
        } else if (description != null && hasControlCharacters(description)) {
            errors.add(FieldError.of("description", "CONTROL_CHARACTERS"));
        }

        String language = text(raw.language());
        language = language == null ? "uk" : language.toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            errors.add(FieldError.refused("language", "UNKNOWN_LANGUAGE", language));
        }

        if (!errors.isEmpty()) {
            throw new InvalidRecordException(errors);
        }
        return new Invoice(raw.recordKey(), name, email, phone, amount.amount().orElseThrow(), currency,
                description, language);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c));
    }
}
