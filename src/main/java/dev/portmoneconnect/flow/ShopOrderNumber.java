package dev.portmoneconnect.flow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Derives Portmone's {@code shopOrderNumber} from the connection and the record key, so that every
 * request about one record, retried or resumed after a crash, names the same order.
 *
 * <p>A plain key ({@code A-Z a-z 0-9 -}) is kept readable: {@code landing-orders_INV-1001}. Any
 * other key, or one too long, becomes a digest: {@code landing-orders.3f1c…}. Connection ids never
 * contain {@code _} or {@code .}, so the two forms cannot collide.
 */
public final class ShopOrderNumber {

    public static final int MAX_LENGTH = 120;
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9-]+");
    private static final int DIGEST_HEX = 40;

    private ShopOrderNumber() {
    }

    public static String of(String connectionId, String recordKey) {
        if (PLAIN_KEY.matcher(recordKey).matches() && connectionId.length() + 1 + recordKey.length() <= MAX_LENGTH) {
            return connectionId + "_" + recordKey;
        }
        return connectionId + "." + digest(recordKey);
    }

    /** An order number for a test send: never equal to a real record's number. */
    public static String forTest(String connectionId, String suffix) {
        return connectionId + "~test-" + suffix;
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, DIGEST_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
