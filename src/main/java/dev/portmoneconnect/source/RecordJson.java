package dev.portmoneconnect.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** Converts inbox payloads (one JSON object per record) to and from field maps. */
final class RecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };

    private RecordJson() {
    }

    static Map<String, Object> fields(String payload) {
        try {
            return JSON.readValue(payload, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inbox payload is not a JSON object", e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
