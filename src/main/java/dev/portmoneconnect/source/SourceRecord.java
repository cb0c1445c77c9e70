package dev.portmoneconnect.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One order as a source delivered it: its fields by name, and where it came from.
 *
 * @param sourceId  where the record lives in its source (inbox id, sheet row), for people; never its identity
 * @param fields    the record's fields by name, as the source gave them
 * @param key       the record's identity when the source knows it (a sheet's key column or content digest);
 *                  null lets the mapping decide
 * @param rejection why the source refuses the record although it read it (a sheet row whose key another
 *                  row holds); the record then fails with it, under its own {@code key}. Null for a record
 *                  to process
 */
public record SourceRecord(String sourceId, Map<String, Object> fields, String key, Rejection rejection) {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public SourceRecord(String sourceId, Map<String, Object> fields) {
        this(sourceId, fields, null, null);
    }

    public SourceRecord(String sourceId, Map<String, Object> fields, String key) {
        this(sourceId, fields, key, null);
    }

    /** The field that makes the source refuse a record, and why, such as "Order ID": "DUP-1 is also row 6". */
    public record Rejection(String field, String code, java.util.Map<String, ?> values) {
    }

    /**
     * A digest of the fields that tells an edited record from an unchanged one. It does not depend on
     * the fields' order, and a number and its text, or text with spaces around it, count as the same
     * value (see {@link IdentityText}).
     */
    public String contentHash() {
        TreeMap<String, Object> canonical = new TreeMap<>();
        fields.forEach((name, value) -> canonical.put(name, value instanceof Number || value instanceof String
                ? IdentityText.of(value) : value));
        try {
            byte[] bytes = CANONICAL.writeValueAsBytes(canonical);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest record " + sourceId, e);
        }
    }

    public String toJson() {
        try {
            return new String(CANONICAL.writeValueAsBytes(fields), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
