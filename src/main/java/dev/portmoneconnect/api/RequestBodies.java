package dev.portmoneconnect.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.api.ApiExceptionMappers.InvalidRequestException;
import dev.portmoneconnect.connection.TestRecipients;
import dev.portmoneconnect.mapping.EmailAddress;
import dev.portmoneconnect.mapping.PhoneNumber;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the JSON bodies of preview and test send, with errors that name what is wrong. */
public final class RequestBodies {

    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };

    private RequestBodies() {
    }

    /** A sample: one JSON object or an array of objects; an empty body is no sample. */
    public static List<Map<String, Object>> samples(ObjectMapper json, String body) {
        JsonNode root = parse(json, body, "body");
        if (root == null) {
            return List.of();
        }
        List<Map<String, Object>> records = new ArrayList<>();
        if (root.isObject()) {
            records.add(fields(json, root));
        } else if (root.isArray()) {
            int index = 0;
            for (JsonNode item : root) {
                if (!item.isObject()) {
                    throw new InvalidRequestException("body: item " + index + " of the array is not a JSON object");
                }
                records.add(fields(json, item));
                index++;
            }
        } else {
            throw new InvalidRequestException("body: send a JSON object (one record) or an array of objects");
        }
        return records;
    }

    /** A JSON object, or null for an empty body. */
    public static JsonNode object(ObjectMapper json, String body) {
        JsonNode root = parse(json, body, "body");
        if (root != null && !root.isObject()) {
            throw new InvalidRequestException("body: send a JSON object");
        }
        return root;
    }

    /** {@code email} and {@code phone} of a test send, checked; null when neither is given. */
    public static TestRecipients testRecipients(JsonNode request) {
        String email = text(request, "email");
        String phone = text(request, "phone");
        return testRecipients(email, phone);
    }

    public static TestRecipients testRecipients(String email, String phone) {
        email = blankToNull(email);
        phone = blankToNull(phone);
        if (email == null && phone == null) {
            return null;
        }
        if (email != null) {
            String problem = EmailAddress.problem(email);
            if (problem != null) {
                throw new InvalidRequestException("email: " + problem);
            }
        }
        String normalised = null;
        if (phone != null) {
            normalised = PhoneNumber.normalise(phone);
            if (normalised == null) {
                throw new InvalidRequestException("phone: is not a Ukrainian phone number");
            }
        }
        return new TestRecipients(email, normalised);
    }

    /** The {@code sample} object of a test send, or null. */
    public static Map<String, Object> sample(ObjectMapper json, JsonNode request) {
        if (request == null || !request.has("sample") || request.get("sample").isNull()) {
            return null;
        }
        JsonNode sample = request.get("sample");
        if (!sample.isObject()) {
            throw new InvalidRequestException("sample: send one record as a JSON object");
        }
        return fields(json, sample);
    }

    private static JsonNode parse(ObjectMapper json, String body, String what) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(what + ": not valid JSON");
        }
    }

    private static Map<String, Object> fields(ObjectMapper json, JsonNode node) {
        return json.convertValue(node, FIELDS);
    }

    private static String text(JsonNode request, String field) {
        if (request == null || !request.has(field) || request.get(field).isNull()) {
            return null;
        }
        JsonNode value = request.get(field);
        if (!value.isTextual()) {
            throw new InvalidRequestException(field + ": send text");
        }
        return value.asText();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
