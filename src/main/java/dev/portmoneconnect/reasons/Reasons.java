package dev.portmoneconnect.reasons;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons an operator reads, in English and Ukrainian: {@code messages/reasons.properties} holds
 * the English texts the app writes into the ledger, its logs and its answers, and
 * {@code messages/reasons_uk.properties} the same reasons in Ukrainian, under the same keys.
 *
 * <p>A stored reason is shown in another language by its code: the English text its code names is
 * read back against the stored message, which gives the values that filled its gaps (the value that
 * was refused, a limit, a column), and the Ukrainian text is filled with them. Keys are tried in
 * this order: {@code <code>}, the code's family ({@code SMTP_REPLY} for {@code SMTP_550}), then every
 * reason of the step ({@code <step>.*}), for reasons stored without a code. Field rules of a mapping
 * ({@code rule.<code>}) are read per field from messages such as
 * {@code payerPhone: is not a Ukrainian phone number: '123'; amount: is required}, each field named
 * by its label ({@code field.<name>}). A message no English text wrote is shown as it was stored.
 */
public final class Reasons {

    public static final String ENGLISH = "en";
    public static final String UKRAINIAN = "uk";

    /** Joins the codes of several field errors in one stored code, and their messages in one message. */
    public static final String CODE_SEPARATOR = ",";
    public static final String FIELD_SEPARATOR = "; ";

    static final String RULE = "rule.";
    static final String FIELD = "field.";

    /** Gaps that hold a reason of their own, shown in the same language. */
    private static final Set<String> NESTED = Set.of("reason", "what");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final String SEGMENT = "(" + FIELD_NAME.pattern() + "): ";
    private static final List<Family> FAMILIES = List.of(
            new Family(Pattern.compile("SMTP_(\\d{3})"), "SMTP_REPLY", "smtpCode"),
            new Family(Pattern.compile("SMPP_([0-9A-F]{4})"), "SMPP_STATUS", "status"),
            new Family(Pattern.compile("HTTP[_ ](\\d{3})"), "HTTP_STATUS", "status"),
            new Family(Pattern.compile("(\\d+)"), "PORTMONE_ERROR", "code"));

    private static final Map<String, ReasonTemplate> EN = load("messages/reasons.properties");
    private static final Map<String, ReasonTemplate> UK = load("messages/reasons_uk.properties");

    private Reasons() {
    }

    /** The English text of a reason, its gaps filled: what the app writes and stores. */
    public static String english(String key, Map<String, ?> values) {
        ReasonTemplate template = EN.get(key);
        if (template == null) {
            throw new IllegalArgumentException("No reason " + key + " in messages/reasons.properties");
        }
        return template.fill(values);
    }

    /** The English text of a field rule, such as {@code is not an amount: '{value}'}. */
    public static String rule(String code, Map<String, ?> values) {
        return english(RULE + code, values);
    }

    /**
     * A stored reason in the operator's language.
     *
     * @param step    where it happened (mapping, portmone, delivery, guard, run, refusal, ...), or null
     * @param code    the code stored with it, or null
     * @param message the stored (English) message, shown as it is when no reason of the catalogue wrote it
     */
    public static String show(String language, String step, String code, String message) {
        if (message == null || ENGLISH.equals(language) || !UKRAINIAN.equals(language)) {
            return message;
        }
        return translate(step, code, message).orElse(message);
    }

    /** One field's reason, as a field error gives it, in the operator's language. */
    public static String showRule(String language, String code, String reason) {
        if (reason == null || !UKRAINIAN.equals(language) || code == null) {
            return reason;
        }
        ReasonTemplate english = EN.get(RULE + code);
        ReasonTemplate ukrainian = UK.get(RULE + code);
        if (english == null || ukrainian == null) {
            return reason;
        }
        return english.read(reason).map(ukrainian::fill).orElse(reason);
    }

    /** The name of a record field in the operator's language, such as {@code телефон платника}. */
    public static String fieldLabel(String language, String field) {
        if (!UKRAINIAN.equals(language) || field == null) {
            return field;
        }
        ReasonTemplate label = UK.get(FIELD + field);
        return label == null ? field : label.toString();
    }

    private static Optional<String> translate(String step, String code, String message) {
        List<String> keys = new ArrayList<>();
        Map<String, String> known = new HashMap<>();
        if (code != null && !code.isBlank()) {
            keys.add(code);
            for (Family family : FAMILIES) {
                Matcher matcher = family.code().matcher(code);
                if (matcher.matches()) {
                    keys.add(family.key());
                    known.put(family.gap(), matcher.group(1));
                    break;
                }
            }
        }
        if (step != null) {
            EN.keySet().stream().filter(k -> k.startsWith(step + "."))
                    .sorted(Comparator.comparingInt((String k) -> EN.get(k).wordsLength()).reversed())
                    .forEach(keys::add);
        }
        for (String key : keys) {
            for (String variant : variants(key)) {
                Optional<Map<String, String>> values = EN.get(variant).read(message);
                if (values.isPresent() && UK.containsKey(variant)) {
                    Map<String, String> all = new HashMap<>(known);
                    values.get().forEach((gap, value) -> all.put(gap, NESTED.contains(gap) ? any(value) : value));
                    if (code != null) {
                        all.putIfAbsent("code", code);
                    }
                    return Optional.of(UK.get(variant).fill(all));
                }
            }
        }
        return rules(code, message);
    }

    /** A reason stored inside another one ("failed before and unchanged since: ..."), read without a code. */
    private static String any(String message) {
        for (Map.Entry<String, ReasonTemplate> reason : EN.entrySet()) {
            String key = reason.getKey();
            if (key.startsWith(RULE) || key.startsWith(FIELD) || !UK.containsKey(key)
                    || reason.getValue().toString().matches("\\{\\w+}")) {
                continue;
            }
            Optional<Map<String, String>> values = reason.getValue().read(message);
            if (values.isPresent()) {
                return UK.get(key).fill(values.get());
            }
        }
        return rules(null, message).orElse(message);
    }

    /**
     * {@code key}, {@code key.2}, {@code key.3}, ... as far as the catalogue has them, the one with
     * the most words first: "answered HTTP {status} without a response code" before "answered HTTP
     * {status}", which would also read the first.
     */
    private static List<String> variants(String key) {
        List<String> variants = new ArrayList<>();
        if (EN.containsKey(key)) {
            variants.add(key);
        }
        for (int i = 2; EN.containsKey(key + "." + i); i++) {
            variants.add(key + "." + i);
        }
        variants.sort(Comparator.comparingInt((String variant) -> EN.get(variant).wordsLength()).reversed());
        return variants;
    }

    /** A message of field errors, read with their codes when stored, else field by field. */
    private static Optional<String> rules(String code, String message) {
        if (code != null && !code.isBlank()) {
            Optional<String> byCodes = rulesByCodes(code.split(CODE_SEPARATOR), message);
            if (byCodes.isPresent()) {
                return byCodes;
            }
        }
        List<String> shown = new ArrayList<>();
        for (String segment : message.split(FIELD_SEPARATOR + "(?=" + FIELD_NAME.pattern() + ": )")) {
            Optional<String> one = ruleSegment(segment);
            if (one.isEmpty()) {
                return Optional.empty();
            }
            shown.add(one.get());
        }
        return Optional.of(String.join(FIELD_SEPARATOR, shown));
    }

    private static Optional<String> rulesByCodes(String[] codes, String message) {
        List<ReasonTemplate> templates = new ArrayList<>();
        StringBuilder pattern = new StringBuilder();
        for (String code : codes) {
            ReasonTemplate template = EN.get(RULE + code.strip());
            if (template == null || !UK.containsKey(RULE + code.strip())) {
                return Optional.empty();
            }
            templates.add(template);
            pattern.append(pattern.isEmpty() ? "" : Pattern.quote(FIELD_SEPARATOR)).append(SEGMENT)
                    .append(template.regex());
        }
        Matcher matcher = Pattern.compile(pattern.toString(), Pattern.DOTALL).matcher(message);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        List<String> shown = new ArrayList<>();
        int group = 0;
        for (int i = 0; i < codes.length; i++) {
            String field = matcher.group(group + 1);
            Map<String, String> values = templates.get(i).values(matcher, group + 1);
            shown.add(fieldLabel(UKRAINIAN, field) + ": " + UK.get(RULE + codes[i].strip()).fill(values));
            group += 1 + templates.get(i).gapCount();
        }
        return Optional.of(String.join(FIELD_SEPARATOR, shown));
    }

    private static Optional<String> ruleSegment(String segment) {
        Matcher field = Pattern.compile(SEGMENT + "(.*)", Pattern.DOTALL).matcher(segment);
        if (!field.matches()) {
            return Optional.empty();
        }
        for (Map.Entry<String, ReasonTemplate> rule : EN.entrySet()) {
            if (!rule.getKey().startsWith(RULE) || !UK.containsKey(rule.getKey())) {
                continue;
            }
            Optional<Map<String, String>> values = rule.getValue().read(field.group(2));
            if (values.isPresent()) {
                return Optional.of(fieldLabel(UKRAINIAN, field.group(1)) + ": "
                        + UK.get(rule.getKey()).fill(values.get()));
            }
        }
        return Optional.empty();
    }

    /** Every key of the English catalogue, for checking that each has its Ukrainian text. */
    static Map<String, ReasonTemplate> english() {
        return EN;
    }

    static Map<String, ReasonTemplate> ukrainian() {
        return UK;
    }

    private static Map<String, ReasonTemplate> load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Reasons.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, ReasonTemplate> templates = new TreeMap<>();
        properties.forEach((key, text) -> templates.put(key.toString(), new ReasonTemplate(text.toString())));
        return templates;
    }

    /** Codes that differ only by a number, such as SMTP replies: one reason for all of them. */
    private record Family(Pattern code, String key, String gap) {
    }
}
