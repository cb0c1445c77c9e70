package dev.portmoneconnect.connection;

/**
 * The key space of test sends. A test send's ledger record is keyed {@code test:<suffix>}, which no
 * mapping produces for a real record (the suffix is new for every test send), so a test never
 * touches the ledger row, the order number or the source record of the real record it was made from.
 */
public final class TestSends {

    static final String KEY_PREFIX = "test:";

    private TestSends() {
    }

    public static String recordKey(String suffix) {
        return KEY_PREFIX + suffix;
    }

    public static boolean isTestKey(String recordKey) {
        return recordKey != null && recordKey.startsWith(KEY_PREFIX);
    }
}
