package dev.portmoneconnect.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A shop's orders API as many shop platforms have it: {@code GET /api/orders?since_id=&page=&per_page=}
 * with the key in {@code X-Api-Key}, answering {@code {"orders": [...]}} oldest first, and
 * {@code GET /api/orders/{id}} answering {@code {"order": {...}}}. It can be made
 * to answer 429 (with Retry-After) or 503 for a number of calls, and keeps every request it got.
 */
public class FakeOrdersApi implements AutoCloseable {

    public static final String PATH = "/api/orders";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String key;
    private final List<ObjectNode> orders = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tooManyToServe = new AtomicInteger();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    /** Order ids go on growing across resets, as a shop's do: a test never meets another test's orders. */
    private final java.util.concurrent.atomic.AtomicLong lastId = new java.util.concurrent.atomic.AtomicLong(1000);

    /** One request: its query parameters and the key it carried. */
    public record Request(Map<String, String> query, String key) {
    }

    public FakeOrdersApi(String key) throws IOException {
        this.key = key;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    public void reset() {
        orders.clear();
        requests.clear();
        tooManyToServe.set(0);
        failuresToServe.set(0);
    }

    /** Adds an order with the next id: {@code {"id", "number", "total", "customer": {"name", "email"}}}. */
    public long addOrder(String name, String email, Object total) {
        long id = lastId.incrementAndGet();
        ObjectNode order = JSON.createObjectNode();
        order.put("id", id);
        order.put("number", "WEB-" + id);
        order.put("total", total.toString());
        order.put("status", "pending");
        ObjectNode customer = order.putObject("customer");
        customer.put("name", name);
        customer.put("email", email);
        orders.add(order);
        return id;
    }

    /** The next {@code n} calls are answered 429 Too Many Requests, Retry-After: 0. */
    public void tooManyRequests(int n) {
        tooManyToServe.set(n);
    }

    /** The next {@code n} calls are answered 503 Service Unavailable. */
    public void failNext(int n) {
        failuresToServe.set(n);
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            requests.add(new Request(query, exchange.getRequestHeaders().getFirst("X-Api-Key")));
            if (!"GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{\"error\": \"use GET\"}");
                return;
            }
            if (!key.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
                answer(exchange, 401, "{\"error\": \"invalid API key\"}");
                return;
            }
            if (tooManyToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                answer(exchange, 429, "{\"error\": \"rate limit exceeded\"}");
                return;
            }
            if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(exchange, 503, "{\"error\": \"maintenance\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.length() > PATH.length() + 1) {
                // one order: GET /api/orders/{id}
                String id = path.substring(PATH.length() + 1);
                ObjectNode order;
                synchronized (orders) {
                    order = orders.stream().filter(o -> o.path("id").asText().equals(id)).findFirst().orElse(null);
                }
                if (order == null) {
                    answer(exchange, 404, "{\"error\": \"no such order\"}");
                } else {
                    answer(exchange, 200, JSON.writeValueAsString(JSON.createObjectNode().set("order", order)));
                }
                return;
            }
            long sinceId = Long.parseLong(query.getOrDefault("since_id", "0"));
            int page = Integer.parseInt(query.getOrDefault("page", "1"));
            int perPage = Integer.parseInt(query.getOrDefault("per_page", "20"));
            List<ObjectNode> matching;
            synchronized (orders) {
                matching = orders.stream().filter(o -> o.path("id").asLong() > sinceId).toList();
            }
            ObjectNode body = JSON.createObjectNode();
            ArrayNode list = body.putArray("orders");
            matching.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(list::add);
            body.put("page", page);
            answer(exchange, 200, JSON.writeValueAsString(body));
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            query.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
