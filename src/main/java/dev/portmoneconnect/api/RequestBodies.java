package dev.portmoneconnect.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.api.ApiExceptionMappers.InvalidRequestException;
import dev.portmoneconnect.connection.TestRecipients;
import dev.portmoneconnect.mapping.EmailAddress;
import dev.portmoneconnect.mapping.FieldError;
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
                    throw invalid(FieldError.of("body", "ITEM_NOT_AN_OBJECT", Map.of("index", index)));
                }
                records.add(fields(json, item));
                index++;
            }
        } else {
            throw invalid(FieldError.of("body", "NOT_RECORDS"));
        }
        return records;
    }

    /** A JSON object, or null for an empty body. */
    public static JsonNode object(ObjectMapper json, String body) {
        JsonNode root = parse(json, body, "body");
        if (root != null && !root.isObject()) {
            throw invalid(FieldError.of("body", "NOT_AN_OBJECT"));
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
            FieldError problem = EmailAddress.check("email", email);
            if (problem != null) {
                throw invalid(problem);
            }
        }
        String normalised = null;
        if (phone != null) {
            normalised = PhoneNumber.normalise(phone);
            if (normalised == null) {
                throw invalid(FieldError.refused("phone", "NOT_A_PHONE", phone));
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
            throw invalid(FieldError.of("sample", "NOT_ONE_RECORD"));
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
            throw invalid(FieldError.of(what, "NOT_JSON"));
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
            throw invalid(FieldError.of(field, "NOT_TEXT"));
        }
        return value.asText();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The request's field that cannot be used, with the rule it broke: {@code email: is not an e-mail address: '…'}. */
    public static InvalidRequestException invalid(FieldError error) {
        return new InvalidRequestException(error.toString());
    }
}
