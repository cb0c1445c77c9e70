package dev.portmoneconnect.mapping;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks payers' e-mail addresses and phone numbers in text bound for logs. */
public final class PersonalData {

    private static final Pattern EMAIL = Pattern.compile("[^\\s'\"<>@]+@[^\\s'\"<>@]+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()-]{8,}\\d");

    private PersonalData() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher email = EMAIL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (email.find()) {
            email.appendReplacement(out, Matcher.quoteReplacement(EmailAddress.mask(email.group())));
        }
        email.appendTail(out);
        Matcher phone = PHONE.matcher(out.toString());
        StringBuilder masked = new StringBuilder();
        while (phone.find()) {
            String digits = phone.group().replaceAll("\\D", "");
            phone.appendReplacement(masked, Matcher.quoteReplacement(PhoneNumber.mask(digits)));
        }
        phone.appendTail(masked);
        return masked.toString();
    }
}
