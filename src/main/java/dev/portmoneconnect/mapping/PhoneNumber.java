package dev.portmoneconnect.mapping;

/**
 * Normalises Ukrainian mobile numbers to {@code 380XXXXXXXXX}: accepts {@code +380 50 123 45 67},
 * {@code 050-123-45-67}, {@code (050) 1234567} and {@code 380501234567}: digits with spaces, dashes,
 * dots or brackets between them, either the full international number (a leading + allowed) or
 * the national one starting with 0.
 */
public final class PhoneNumber {

    private PhoneNumber() {
    }

    /** @return the number as {@code 380XXXXXXXXX}, or null when it is not a Ukrainian number */
    public static String normalise(String raw) {
        String text = raw.strip();
        if (!text.matches("\\+?[0-9()\\s.-]+")) {
            return null;
        }
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.length() == 12 && digits.startsWith("380")) {
            return digits;
        }
        if (digits.length() == 10 && digits.startsWith("0") && !text.startsWith("+")) {
            return "38" + digits;
        }
        return null;
    }
}
