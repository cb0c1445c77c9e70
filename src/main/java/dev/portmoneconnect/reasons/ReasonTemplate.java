package dev.portmoneconnect.reasons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reason's text with named gaps, {@code is not an amount: '{value}'}: filled in to write a
 * message, and read back from a message written by it to recover what filled the gaps.
 */
final class ReasonTemplate {

    private static final Pattern GAP = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final String text;
    private final List<String> gaps = new ArrayList<>();
    private final String regex;
    private final Pattern pattern;

    ReasonTemplate(String text) {
        this.text = text;
        StringBuilder written = new StringBuilder();
        Matcher gap = GAP.matcher(text);
        int last = 0;
        while (gap.find()) {
            written.append(Pattern.quote(text.substring(last, gap.start()))).append("(.*?)");
            gaps.add(gap.group(1));
            last = gap.end();
        }
        written.append(Pattern.quote(text.substring(last)));
        regex = written.toString();
        this.pattern = Pattern.compile(regex, Pattern.DOTALL);
    }

    String fill(Map<String, ?> values) {
        Matcher gap = GAP.matcher(text);
        StringBuilder out = new StringBuilder();
        while (gap.find()) {
            Object value = values.get(gap.group(1));
            gap.appendReplacement(out, Matcher.quoteReplacement(value == null ? gap.group() : value.toString()));
        }
        gap.appendTail(out);
        return out.toString();
    }

    /** What filled the gaps of a message this template wrote, or empty when it did not write it. */
    Optional<Map<String, String>> read(String message) {
        Matcher matcher = pattern.matcher(message);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(values(matcher, 0));
    }

    /** The pattern of this template, for reading it as part of a longer message. */
    String regex() {
        return regex;
    }

    /** How much of the text is words, not gaps: the more, the more particular the template. */
    int wordsLength() {
        return GAP.matcher(text).replaceAll("").length();
    }

    int gapCount() {
        return gaps.size();
    }

    List<String> gaps() {
        return gaps;
    }

    /** The values of this template's gaps, from groups following {@code offset} in a matched pattern. */
    Map<String, String> values(Matcher matcher, int offset) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < gaps.size(); i++) {
            values.put(gaps.get(i), matcher.group(offset + i + 1));
        }
        return values;
    }

    @Override
    public String toString() {
        return text;
    }
}
