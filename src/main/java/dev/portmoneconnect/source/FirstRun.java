package dev.portmoneconnect.source;

import dev.portmoneconnect.flow.Invoice;
import java.util.Locale;

/** What a connection's very first run does with the records already in its source (sheet rows, table rows). */
public enum FirstRun {
    /** Invoice every row. */
    ALL,
    /** Take the rows already there as handled; invoice only rows added from then on. */
    NEW;

    public static FirstRun parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("firstRun must be 'all' or 'new', not '" + value + "'");
        }
    }
}
