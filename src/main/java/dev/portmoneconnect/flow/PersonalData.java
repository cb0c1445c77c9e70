package dev.portmoneconnect.flow;

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
            email.appendReplacement(out, Matcher.quoteReplacement(maskEmail(email.group())));
        }
        email.appendTail(out);
        Matcher phone = PHONE.matcher(out.toString());
        StringBuilder masked = new StringBuilder();
        while (phone.find()) {
            String digits = phone.group().replaceAll("\\D", "");
            phone.appendReplacement(masked, Matcher.quoteReplacement(maskPhone(digits)));
        }
        phone.appendTail(masked);
        return masked.toString();
    }

    /** An e-mail address with all but its first letter and its domain hidden: {@code i***@example.com}. */
    public static String maskEmail(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** A phone number with its middle hidden: {@code 38050*****67}. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return phone.substring(0, 5) + "*****" + phone.substring(phone.length() - 2);
    }
}
