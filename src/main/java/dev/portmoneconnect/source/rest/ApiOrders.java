package dev.portmoneconnect.source.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portmoneconnect.source.SourceIds;
import dev.portmoneconnect.source.SourceRecord;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the orders an API lists: one GET, or page after page until a page comes back empty or
 * shorter than the page size asked for, at most {@code maxPages}. An order listed twice (the list
 * moved between two pages) is taken once.
 */
final class ApiOrders {

    static final String SCHEME = "rest-poll";

    /** One order: the record the route maps and the value its cursor field had. */
    record Order(SourceRecord record, Object cursor) {
    }

    private ApiOrders() {
    }

    /**
     * @param since the cursor to send, or null
     * @param limit how many orders to read at most (a preview needs a few)
     */
    static List<Order> read(RestApiEndpoint endpoint, String since, int limit) {
        HttpRetry retry = endpoint.getComponent().retry();
        List<Order> orders = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int n = 0; n < endpoint.getMaxPages(); n++) {
            int page = endpoint.getFirstPage() + n;
            String query = query(endpoint, since, page);
            String what = endpoint.getPageParam() == null ? "reading the orders" : "reading page " + page;
            HttpRetry.Answer answer = retry.call(what, () -> endpoint.get(query));
            JsonNode items = items(endpoint, answer.body(), what);
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (!item.isObject()) {
                    throw new RestApiException("The orders API answered " + what + " with something that is not an"
                            + " order (an object) at position " + (i + 1) + ": " + shorten(item.toString()));
                }
                JsonNode keyNode = JsonFields.at(item, endpoint.getKeyField());
                String key = keyNode == null ? null : String.valueOf(JsonFields.scalar(keyNode));
                if (key != null && !keys.add(key)) {
                    continue;
                }
                String where = key != null ? key : "page " + page + " order " + (i + 1);
                JsonNode cursorNode = endpoint.followsCursor() ? JsonFields.at(item, endpoint.getCursorField()) : null;
                orders.add(new Order(new SourceRecord(SourceIds.of(SCHEME, where, ""), JsonFields.flatten(item), key),
                        cursorNode == null ? null : JsonFields.scalar(cursorNode)));
                if (orders.size() >= limit) {
                    return orders;
                }
            }
            boolean lastPage = items.isEmpty() || endpoint.getPageParam() == null
                    || endpoint.getPageSizeParam() != null && items.size() < endpoint.getPageSize();
            if (lastPage) {
                break;
            }
        }
        return orders;
    }

    /**
     * One order read from {@code orderUrl}, for a replay: null when the API no longer knows it (404).
     */
    static Order one(RestApiEndpoint endpoint, String key) {
        String url = endpoint.getOrderUrl().replace("{key}", URLEncoder.encode(key, StandardCharsets.UTF_8)
                .replace("+", "%20"));
        HttpRetry retry = endpoint.getComponent().retry();
        HttpRetry.Answer answer = retry.call("reading order " + key, () -> {
            HttpRetry.Answer a = endpoint.get(url, "");
            // a missing order is an answer here, not a refusal
            return a.status() == 404 ? new HttpRetry.Answer(200, null, null) : a;
        });
        if (answer.body() == null) {
            return null;
        }
        JsonNode root;
        try {
            root = endpoint.getComponent().json().readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new RestApiException("The orders API answered order " + key + " with something that is not JSON: "
                    + shorten(answer.body()));
        }
        String path = endpoint.getOrderField();
        JsonNode order = path == null || path.isBlank() ? root : JsonFields.at(root, path.strip());
        if (order == null || !order.isObject()) {
            throw new RestApiException("The orders API answered order " + key + " without an order"
                    + (path == null || path.isBlank() ? "" : " at '" + path + "'") + ": " + shorten(answer.body()));
        }
        JsonNode cursorNode = endpoint.followsCursor() ? JsonFields.at(order, endpoint.getCursorField()) : null;
        return new Order(new SourceRecord(SourceIds.of(SCHEME, key, ""), JsonFields.flatten(order), key),
                cursorNode == null ? null : JsonFields.scalar(cursorNode));
    }

    private static String query(RestApiEndpoint endpoint, String since, int page) {
        List<String> parts = new ArrayList<>();
        if (!endpoint.fixedQuery().isEmpty()) {
            parts.add(endpoint.fixedQuery());
        }
        if (since != null && endpoint.followsCursor()) {
            parts.add(encode(endpoint.getCursorParam()) + "=" + encode(since));
        }
        if (endpoint.getPageParam() != null) {
            parts.add(encode(endpoint.getPageParam()) + "=" + page);
        }
        if (endpoint.getPageSizeParam() != null) {
            parts.add(encode(endpoint.getPageSizeParam()) + "=" + endpoint.getPageSize());
        }
        return String.join("&", parts);
    }

    private static JsonNode items(RestApiEndpoint endpoint, String body, String what) {
        JsonNode root;
        try {
            root = endpoint.getComponent().json().readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new RestApiException("The orders API answered " + what + " with something that is not JSON: "
                    + shorten(body));
        }
        String path = endpoint.getItemsField();
        JsonNode items = path == null || path.isBlank() ? root : JsonFields.at(root, path.strip());
        if (items == null || !items.isArray()) {
            throw new RestApiException("The orders API answered " + what + " without a list of orders"
                    + (path == null || path.isBlank() ? " (set itemsField to the field that holds it)"
                    : " at '" + path + "'") + ": " + shorten(body));
        }
        return items;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "nothing";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
