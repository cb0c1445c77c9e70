package dev.portmoneconnect.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Source ids as the ledger keeps them (at most 120 characters): {@code <scheme>:<where>}, such as
 * {@code file:orders.csv#4} or {@code table:orders#1042}. A longer one keeps its start and a short
 * suffix (the row number) and puts a digest of the whole in between, so it stays readable and tells
 * records apart.
 */
public final class SourceIds {

    public static final int MAX_LENGTH = 120;

    private SourceIds() {
    }

    public static String of(String scheme, String where, String suffix) {
        String full = scheme + ":" + where + suffix;
        if (full.length() <= MAX_LENGTH) {
            return full;
        }
        String digest = HexFormat.of().formatHex(sha256(full), 0, 4);
        String tail = suffix.length() <= 20 ? suffix : "";
        return full.substring(0, MAX_LENGTH - 1 - digest.length() - tail.length()) + "~" + digest + tail;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
