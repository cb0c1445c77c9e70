package dev.portmoneconnect.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for an HTTP SMS provider speaking TurboSMS's JSON API: {@code POST /message/send.json}
 * with a bearer token, {@code {"recipients": [...], "sms": {"sender", "text"}}}, answered with
 * {@code response_code} 800 and one {@code response_result} per recipient. Like a provider, it
 * splits a long text at the standard part lengths (153 GSM-7 / 67 UCS-2 characters) itself.
 */
public class FakeSmsGateway implements AutoCloseable {

    public static final String SENDER = "ShopUA";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String token;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String[]> refusedPhones = new ConcurrentHashMap<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();

    public FakeSmsGateway(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/message/send.json", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Refuse messages to this phone with a provider code, per recipient, as TurboSMS does. */
    public void refusePhone(String phone, int code, String status) {
        refusedPhones.put(phone, new String[]{String.valueOf(code), status});
    }

    /** Answer HTTP 503 to the next n requests. */
    public void failNext(int n) {
        failuresToServe.set(n);
    }

    public void reset() {
        requests.clear();
        refusedPhones.clear();
        failuresToServe.set(0);
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            JsonNode body = JSON.readTree(http.getRequestBody().readAllBytes());
            requests.add(new Request(http.getRequestHeaders().getFirst("Authorization"),
                    http.getRequestHeaders().getFirst("Content-Type"), body));
            if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(http, 503, "Service Unavailable");
                return;
            }
            if (!("Bearer " + token).equals(http.getRequestHeaders().getFirst("Authorization"))) {
                respond(http, 200, Map.of("response_code", 301, "response_status", "INVALID_TOKEN",
                        "response_result", List.of()));
                return;
            }
            JsonNode recipients = body.path("recipients");
            String text = body.path("sms").path("text").asText("");
            if (!recipients.isArray() || recipients.isEmpty()) {
                respond(http, 200, Map.of("response_code", 202, "response_status", "REQUIRED_MESSAGE_RECIPIENT"));
                return;
            }
            if (!SENDER.equals(body.path("sms").path("sender").asText())) {
                respond(http, 200, Map.of("response_code", 302, "response_status", "INVALID_MESSAGE_SENDER"));
                return;
            }
            if (text.isBlank()) {
                respond(http, 200, Map.of("response_code", 201, "response_status", "REQUIRED_MESSAGE_TEXT"));
                return;
            }
            List<Map<String, Object>> results = new ArrayList<>();
            for (JsonNode recipient : recipients) {
                String phone = recipient.asText();
                String[] refusal = refusedPhones.get(phone);
                if (!phone.matches("380\\d{9}")) {
                    refusal = new String[]{"305", "INVALID_PHONE"};
                }
                if (refusal != null) {
                    Map<String, Object> result = new java.util.HashMap<>();
                    result.put("phone", phone);
                    result.put("response_code", Integer.parseInt(refusal[0]));
                    result.put("message_id", null);
                    result.put("response_status", refusal[1]);
                    results.add(result);
                } else {
                    results.add(Map.of("phone", phone, "response_code", 0, "message_id",
                            UUID.randomUUID().toString(), "response_status", "OK"));
                }
            }
            respond(http, 200, Map.of("response_code", 800, "response_status", "SUCCESS_MESSAGE_ACCEPTED",
                    "response_result", results));
        }
    }

    private static void respond(HttpExchange http, int status, Object body) throws IOException {
        byte[] bytes = (body instanceof String s ? s : JSON.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json");
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One request as the provider received it. */
    public record Request(String authorization, String contentType, JsonNode body) {

        public String text() {
            return body.path("sms").path("text").asText();
        }

        /** The parts a provider makes of the text: fixed lengths, 153 GSM-7 or 67 UCS-2 characters. */
        public List<String> providerParts() {
            String text = text();
            boolean gsm = text.chars().allMatch(c -> c < 128 && c != '`');
            int single = gsm ? 160 : 70;
            int part = gsm ? 153 : 67;
            if (text.length() <= single) {
                return List.of(text);
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < text.length(); i += part) {
                parts.add(text.substring(i, Math.min(text.length(), i + part)));
            }
            return parts;
        }
    }
}
