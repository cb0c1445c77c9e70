package dev.portmoneconnect.mapping;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A practical check of an e-mail address: one {@code @}, a dotted domain, no spaces or control
 * characters, lengths within RFC 5321. It refuses what an SMTP server would refuse, not every
 * oddity the RFC allows.
 */
public final class EmailAddress {

    private static final int MAX_LENGTH = 254;
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private EmailAddress() {
    }

    /** @return null when valid, otherwise the reason */
    public static String problem(String address) {
        FieldError error = check("email", address);
        return error == null ? null : error.reason();
    }

    /** @return null when valid, otherwise the field's error */
    public static FieldError check(String field, String address) {
        if (address.length() > MAX_LENGTH) {
            return FieldError.of(field, "TOO_LONG", Map.of("max", MAX_LENGTH));
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at != address.indexOf('@') || at == address.length() - 1) {
            return FieldError.refused(field, "NOT_AN_EMAIL", address);
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || local.startsWith(".")
                || local.endsWith(".") || local.contains("..") || !DOMAIN.matcher(domain).matches()) {
            return FieldError.refused(field, "NOT_AN_EMAIL", address);
        }
        return null;
    }
}
