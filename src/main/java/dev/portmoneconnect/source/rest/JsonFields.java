package dev.portmoneconnect.source.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An order as the API gave it, flattened into named fields: nested objects and arrays become dotted
 * names ({@code billing.email}, {@code line_items.0.name}), so a mapping reads {@code ${body[billing.email]}}.
 */
final class JsonFields {

    private JsonFields() {
    }

    static Map<String, Object> flatten(JsonNode order) {
        Map<String, Object> fields = new LinkedHashMap<>();
        add(fields, "", order);
        return fields;
    }

    /** The value at a dotted path, or null. */
    static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            current = current.isArray() && part.chars().allMatch(Character::isDigit)
                    ? current.get(Integer.parseInt(part)) : current.get(part);
        }
        return current == null || current.isNull() || current.isMissingNode() ? null : current;
    }

    /** A scalar's value: text, a whole number, a decimal or a boolean. */
    static Object scalar(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.toString();
    }

    private static void add(Map<String, Object> fields, String prefix, JsonNode node) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                add(fields, prefix + field.getKey() + ".", field.getValue());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                add(fields, prefix + i + ".", node.get(i));
            }
        } else {
            fields.put(prefix.substring(0, prefix.length() - 1), scalar(node));
        }
    }
}
