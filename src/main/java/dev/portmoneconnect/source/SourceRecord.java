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
 * @param sourceId where the record lives in its source (inbox id, sheet row), for people; never its identity
 * @param fields   the record's fields by name, as the source gave them
 * @param key      the record's identity when the source knows it (a sheet's key column or content digest);
 *                 null lets the mapping decide
 */
public record SourceRecord(String sourceId, Map<String, Object> fields, String key) {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public SourceRecord(String sourceId, Map<String, Object> fields) {
        this(sourceId, fields, null);
    }

    /** A digest of the fields, independent of their order: tells an edited record from an unchanged one. */
    public String contentHash() {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(new TreeMap<>(fields));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
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
