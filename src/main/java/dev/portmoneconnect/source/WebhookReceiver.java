package dev.portmoneconnect.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.connection.ConnectionRegistry;
import dev.portmoneconnect.connection.RouteFiles;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import io.vertx.core.MultiMap;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accepts records for a connection: a JSON object, a JSON array of objects, or an HTML form post.
 * Every record is in the database before the 202 answer goes out, so nothing acknowledged is lost.
 * A connection whose route file did not start keeps accepting records: they wait in its inbox for
 * its first run once the file is fixed. While a route file cannot be read at all, a post to a
 * connection no file declares is answered 503 with Retry-After, since it may be that file's.
 */
@ApplicationScoped
public class WebhookReceiver implements Processor {

    static final int MAX_BODY = 1024 * 1024;
    static final String TOKEN_HEADER = "X-Hook-Token";
    static final String SIGNATURE_HEADER = "X-Hook-Signature";
    static final int RETRY_AFTER_SECONDS = 60;

    @Inject
    ConnectionRegistry connections;

    @Inject
    RouteFiles routeFiles;

    @Inject
    WebhookTokens tokens;

    @Inject
    InboxRepository inbox;

    @Inject
    ObjectMapper json;

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String connectionId = in.getHeader("connectionId", String.class);
        String token = in.getHeader(TOKEN_HEADER, String.class);
        if (token == null) {
            token = in.getHeader("token", String.class);
        }
        Long length = in.getHeader("Content-Length", Long.class);
        if (length != null && length > MAX_BODY) {
            in.removeHeaders("*");
            answer(exchange, 413, "body over 1 MiB");
            return;
        }
        String signature = in.getHeader(SIGNATURE_HEADER, String.class);
        Map<String, Object> form = formAttributes(exchange);
        byte[] body = form == null || signature != null ? bytes(in) : null;
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, "", String.class).toLowerCase(Locale.ROOT);
        in.removeHeaders("*");

        if (connectionId == null || !connections.exists(connectionId) && routeFiles.failure(connectionId).isEmpty()) {
            if (routeFiles.anyUnreadable()) {
                // the connection may be declared by the route file that cannot be read: the sender should try again
                exchange.getMessage().setHeader("Retry-After", RETRY_AFTER_SECONDS);
                answer(exchange, 503, "connection not available: a route file cannot be read");
                return;
            }
            answer(exchange, 404, "unknown connection");
            return;
        }
        if (!tokens.matches(connectionId, token) && !tokens.signed(connectionId, body, signature)) {
            answer(exchange, 401, "missing or wrong webhook token or signature");
            return;
        }
        if (body != null && body.length > MAX_BODY) {
            answer(exchange, 413, "body over 1 MiB");
            return;
        }
        List<String> payloads;
        try {
            if (contentType.startsWith("application/json")) {
                payloads = fromJson(body);
            } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
                payloads = List.of(form != null ? write(form) : fromForm(body));
            } else {
                answer(exchange, 415, "send application/json or application/x-www-form-urlencoded");
                return;
            }
        } catch (MalformedBodyException e) {
            answer(exchange, 400, e.getMessage());
            return;
        }
        List<Long> ids = inbox.store(connectionId, payloads);
        Log.debugf("Webhook of %s accepted %d records", connectionId, ids.size());
        respondJson(exchange, 202, accepted(connectionId, ids));
    }

    /**
     * {@code {"connection":..., "accepted":n, "ids":[...], "entries":["/api/inbox/<id>", ...]}}: the ids
     * are the inbox's, each entry where the API tells what became of it. Written out directly: it is
     * on every post's path.
     */
    static String accepted(String connectionId, List<Long> ids) {
        StringBuilder answer = new StringBuilder(64 + 32 * ids.size()).append("{\"connection\":\"");
        JsonStringEncoder.getInstance().quoteAsString(connectionId, answer);
        answer.append("\",\"accepted\":").append(ids.size()).append(",\"ids\":[");
        for (int i = 0; i < ids.size(); i++) {
            answer.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        answer.append("],\"entries\":[");
        for (int i = 0; i < ids.size(); i++) {
            answer.append(i == 0 ? "\"" : ",\"").append(INBOX_PATH).append(ids.get(i)).append('"');
        }
        return answer.append("]}").toString();
    }

    static final String INBOX_PATH = "/api/inbox/";

    private List<String> fromJson(byte[] body) throws MalformedBodyException {
        JsonNode root;
        try {
            root = json.readTree(body == null ? new byte[0] : body);
        } catch (Exception e) {
            throw new MalformedBodyException("body is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedBodyException("body is empty");
        }
        List<String> payloads = new ArrayList<>();
        if (root.isObject()) {
            payloads.add(write(root));
        } else if (root.isArray()) {
            int index = 0;
            for (JsonNode item : root) {
                if (!item.isObject()) {
                    throw new MalformedBodyException("item " + index + " of the array is not a JSON object");
                }
                payloads.add(write(item));
                index++;
            }
            if (payloads.isEmpty()) {
                throw new MalformedBodyException("the array holds no records");
            }
        } else {
            throw new MalformedBodyException("body must be a JSON object or an array of objects");
        }
        return payloads;
    }

    private String fromForm(byte[] body) throws MalformedBodyException {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new MalformedBodyException("form is empty or not URL-encoded");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.merge(name, value, (a, b) -> a + "," + b);
            } catch (IllegalArgumentException e) {
                throw new MalformedBodyException("form field is not URL-encoded: " + e.getMessage());
            }
        }
        return write(fields);
    }

    /** The request body; read straight from its stream, without the type converter's buffered copy. */
    private static byte[] bytes(Message in) throws java.io.IOException {
        if (in.getBody() instanceof java.io.InputStream stream) {
            try (stream) {
                return stream.readAllBytes();
            }
        }
        return in.getBody(byte[].class);
    }

    /** The Vert.x body handler has already parsed a form post; its fields are only on the request. */
    private static Map<String, Object> formAttributes(Exchange exchange) {
        if (!(exchange.getIn() instanceof HttpMessage http)) {
            return null;
        }
        MultiMap attributes = http.getRequest().formAttributes();
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : attributes.names()) {
            fields.put(name, String.join(",", attributes.getAll(name)));
        }
        return fields;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(Exchange exchange, int status, String error) throws JsonProcessingException {
        respond(exchange, status, Map.of("error", error));
    }

    private void respond(Exchange exchange, int status, Object body) throws JsonProcessingException {
        respondJson(exchange, status, json.writeValueAsString(body));
    }

    private static void respondJson(Exchange exchange, int status, String json) {
        Message out = exchange.getMessage();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(json);
    }

    /** The request body cannot be read as records. */
    static class MalformedBodyException extends Exception {
        MalformedBodyException(String message) {
            super(message);
        }
    }
}
