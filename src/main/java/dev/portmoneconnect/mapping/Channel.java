package dev.portmoneconnect.mapping;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** How a connection delivers the payment link; decides which payer fields are required. */
public enum Channel {
    EMAIL, SMS;

    /** Parses {@code email}, {@code sms} or {@code email,sms}. */
    public static Set<Channel> parseAll(String text) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                channels.add(Channel.valueOf(part.strip().toUpperCase(Locale.ROOT)));
            }
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("no delivery channel in '" + text + "'");
        }
        return channels;
    }
}
