package dev.portmoneconnect.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            errors.add(new FieldError("payerName", "is required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("payerName", "is longer than " + MAX_NAME + " characters"));
        } else if (hasControlCharacters(name)) {
            errors.add(new FieldError("payerName", "contains control characters"));
        }

        String email = text(raw.payerEmail());
        if (email == null) {
            if (channels.contains(Channel.EMAIL)) {
                errors.add(new FieldError("payerEmail", "is required for e-mail delivery"));
            }
        } else {
            String problem = EmailAddress.problem(email);
            if (problem != null) {
                errors.add(new FieldError("payerEmail", problem));
            }
        }

        String rawPhone = text(raw.payerPhone());
        String phone = null;
        if (rawPhone == null) {
            if (channels.contains(Channel.SMS)) {
                errors.add(new FieldError("payerPhone", "is required for SMS delivery"));
            }
        } else {
            phone = PhoneNumber.normalise(rawPhone);
            if (phone == null) {
                errors.add(new FieldError("payerPhone",
                        "is not a Ukrainian phone number: '" + Display.clip(rawPhone) + "'"));
            }
        }

        AmountParser.Result amount = AmountParser.parse(raw.amount() instanceof String s && s.isBlank() ? null : raw.amount());
        if (amount.error() != null) {
            errors.add(new FieldError("amount", amount.error()));
        }

        String currency = text(raw.currency());
        currency = currency == null ? "UAH" : currency.toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            errors.add(new FieldError("currency", "is not a currency code: '" + Display.clip(currency) + "'"));
        }

        String description = text(raw.description());
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "is longer than " + MAX_DESCRIPTION + " characters"));
        } else if (description != null && hasControlCharacters(description)) {
            errors.add(new FieldError("description", "contains control characters"));
        }

        String language = text(raw.language());
        language = language == null ? "uk" : language.toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            errors.add(new FieldError("language", "must be uk, en or ru: '" + Display.clip(language) + "'"));
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
