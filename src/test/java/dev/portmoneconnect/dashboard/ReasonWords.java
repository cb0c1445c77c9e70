package dev.portmoneconnect.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Tells a reason written in Ukrainian from one left in English. */
final class ReasonWords {

    /** Words of the app's English reasons that have no place in a Ukrainian one. */
    private static final List<String> ENGLISH = List.of("is not", "is required", "required", "not valid", "must be",
            "is longer", "contains", "exceeds", "failed", "refused", "not reachable", "answered", "already",
            "nothing", "cannot", "send a", "no option", "did not");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    private ReasonWords() {
    }

    static boolean ukrainian(String reason) {
        String text = reason.toLowerCase(Locale.ROOT);
        return CYRILLIC.matcher(reason).find() && ENGLISH.stream().noneMatch(text::contains);
    }
}
