package dev.portmoneconnect.delivery.sms;

import java.util.ArrayList;
import java.util.List;

/**
 * A text made ready for SMS: its encoding and the parts it is sent in. A text longer than one
 * message is split at the part capacity, except that a part ends early rather than cut the
 * payment link, which then opens the next part. Only a link longer than a whole part is cut,
 * and then as few times as possible.
 *
 * @param encoding GSM-7 when the whole text fits the GSM 03.38 alphabet, UCS-2 otherwise
 * @param parts    the text of each part, in order; joined they give the whole text
 */
public record SmsText(SmsEncoding encoding, List<String> parts) {

    /** The most parts a concatenated SMS can have (its part counters are one octet). */
    public static final int MAX_PARTS = 255;

    public SmsText {
        parts = List.copyOf(parts);
    }

    /**
     * @param text the message
     * @param link a piece of the text that must not be split across parts (may be null)
     * @throws IllegalArgumentException when the text needs more than {@link #MAX_PARTS} parts
     */
    public static SmsText of(String text, String link) {
        SmsEncoding encoding = SmsEncoding.of(text);
        if (encoding.units(text) <= encoding.singleCapacity()) {
            return new SmsText(encoding, List.of(text));
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (encoding.units(text.substring(start)) > encoding.partCapacity()) {
            int end = keepWhole(text, link, start, fit(encoding, text, start));
            parts.add(text.substring(start, end));
            start = end;
        }
        parts.add(text.substring(start));
        if (parts.size() > MAX_PARTS) {
            throw new IllegalArgumentException("the text needs " + parts.size() + " SMS parts, more than " + MAX_PARTS);
        }
        return new SmsText(encoding, parts);
    }

    /** Where a part starting at {@code start} ends when filled up, never between the halves of a surrogate pair. */
    private static int fit(SmsEncoding encoding, String text, int start) {
        int units = 0;
        int end = start;
        while (end < text.length()) {
            int width = Character.isHighSurrogate(text.charAt(end)) && end + 1 < text.length() ? 2 : 1;
            int cost = width == 2 ? 2 : encoding.units(text.charAt(end));
            if (units + cost > encoding.partCapacity()) {
                break;
            }
            units += cost;
            end += width;
        }
        return end;
    }

    /** Moves a part's end back to the start of a link it would cut, unless the link opens the part. */
    private static int keepWhole(String text, String link, int start, int end) {
        if (link == null || link.isEmpty()) {
            return end;
        }
        for (int at = text.indexOf(link); at >= 0 && at < end; at = text.indexOf(link, at + 1)) {
            if (at > start && at + link.length() > end) {
                return at;
            }
        }
        return end;
    }

    public int partCount() {
        return parts.size();
    }

    /** The whole text. */
    public String text() {
        return String.join("", parts);
    }

    /**
     * The whole text with every part but the last filled with spaces to its capacity. A gateway that
     * splits long texts itself, at the standard capacities, then splits exactly where this text was
     * split, so it too never cuts the link.
     */
    public String alignedText() {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            text.append(part);
            if (i < parts.size() - 1) {
                text.append(" ".repeat(encoding.partCapacity() - encoding.units(part)));
            }
        }
        return text.toString();
    }
}
