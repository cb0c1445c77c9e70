package dev.portmoneconnect.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Portmone's gateway that speaks its JSON and checks every request the way
 * Portmone would: the method, the required fields, the amount format and the signature, which it
 * recomputes here independently of the application's code. Like Portmone, it keeps one order per
 * shopOrderNumber: asking again for a known order answers the same link.
 */
public class FakePortmone implements AutoCloseable {

    public static final String PAYEE_ID = "1185";
    public static final String LOGIN = "WDISHOP";
    public static final String SIGNING_KEY = "fake-signing-key-Zx81";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String login;
    private final String signingKey;
    private final HttpServer server;
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> orders = new ConcurrentHashMap<>();
    private final Map<String, String[]> rejections = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private volatile double failureRate;
    private volatile long hangMillis;
    private final Random random = new Random(42);

    public FakePortmone() throws IOException {
        this(LOGIN, SIGNING_KEY);
    }

    /** A merchant account of other credentials: the login and key the app must sign with. */
    public FakePortmone(String login, String signingKey) throws IOException {
        this.login = login;
        this.signingKey = signingKey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/gateway/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/gateway/";
    }

    /** Every createLinkPayment request received, in order, including failed ones. */
    public List<JsonNode> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<JsonNode> requestsFor(String shopOrderNumber) {
        return requests().stream()
                .filter(r -> shopOrderNumber.equals(r.path("order").path("shopOrderNumber").asText()))
                .toList();
    }

    /** Orders Portmone holds: shopOrderNumber to link. */
    public Map<String, String> orders() {
        return Map.copyOf(orders);
    }

    /** Requests that would have been refused for their shape or signature. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** Answer an error code for orders whose number ends with the given suffix. */
    public void rejectOrdersEndingWith(String suffix, String code, String message) {
        rejections.put(suffix, new String[]{code, message});
    }

    /** Answer HTTP 503 to the next n requests. */
    public void failNext(int n) {
        failuresToServe.set(n);
    }

    /** Fail this share of requests: half with HTTP 5xx, half by hanging past the client's timeout. */
    public void failRandomly(double rate, long hangMillis) {
        this.failureRate = rate;
        this.hangMillis = hangMillis;
    }

    public void reset() {
        requests.clear();
        orders.clear();
        rejections.clear();
        problems.clear();
        failuresToServe.set(0);
        failureRate = 0;
        hangMillis = 0;
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            if (!"POST".equals(http.getRequestMethod())) {
                respond(http, 405, "{}");
                return;
            }
            String contentType = http.getRequestHeaders().getFirst("Content-Type");
            JsonNode body = JSON.readTree(http.getRequestBody().readAllBytes());
            requests.add(body);
            if (contentType == null || !contentType.startsWith("application/json")) {
                problems.add("content type " + contentType);
            }
            if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(http, 503, "Service Unavailable");
                return;
            }
            if (failureRate > 0) {
                double dice;
                synchronized (random) {
                    dice = random.nextDouble();
                }
                if (dice < failureRate / 2) {
                    respond(http, 502, "Bad Gateway");
                    return;
                }
                if (dice < failureRate) {
                    // Portmone creates the order, but its answer comes after the client has given up.
                    if (check(body) == null) {
                        createOrder(body.path("order").path("shopOrderNumber").asText());
                    }
                    sleep(hangMillis);
                    respond(http, 504, "{}");
                    return;
                }
            }
            String problem = check(body);
            if (problem != null) {
                problems.add(problem);
                respond(http, 200, JSON.writeValueAsString(Map.of("errorCode", "1", "error", problem)));
                return;
            }
            String orderNumber = body.path("order").path("shopOrderNumber").asText();
            for (Map.Entry<String, String[]> rejection : rejections.entrySet()) {
                if (orderNumber.endsWith(rejection.getKey())) {
                    respond(http, 200, JSON.writeValueAsString(Map.of("errorCode", rejection.getValue()[0],
                            "error", rejection.getValue()[1])));
                    return;
                }
            }
            String link = createOrder(orderNumber);
            respond(http, 200, JSON.writeValueAsString(Map.of("errorCode", "0", "error", "", "linkPayment", link)));
        }
    }

    private String createOrder(String orderNumber) {
        return orders.computeIfAbsent(orderNumber,
                n -> "https://www.portmone.com.ua/r3/pg/" + Integer.toHexString(n.hashCode()) + "-" + orders.size());
    }

    private static final Set<String> ORDER_FIELDS = Set.of("description", "shopOrderNumber", "billAmount",
            "billCurrency", "successUrl", "failureUrl", "preauthFlag", "expTime", "attribute1", "attribute2",
            "attribute3", "attribute4", "encoding");

    String check(JsonNode body) {
        if (!"createLinkPayment".equals(body.path("method").asText())) {
            return "method must be createLinkPayment";
        }
        if (body.has("params")) {
            return "createLinkPayment has no params envelope";
        }
        JsonNode payee = body.path("payee");
        JsonNode order = body.path("order");
        for (String field : ORDER_FIELDS) {
            if (!order.path(field).isTextual()) {
                return "order." + field + " missing or not a string";
            }
        }
        for (String section : List.of("token", "payer")) {
            if (!body.path(section).isObject()) {
                return section + " missing";
            }
        }
        String lang = body.path("payer").path("lang").asText();
        if (!Set.of("uk", "en", "ru").contains(lang)) {
            return "payer.lang " + lang;
        }
        String amount = order.path("billAmount").asText();
        if (!amount.matches("\\d+\\.\\d{2}")) {
            return "billAmount must have two decimals: " + amount;
        }
        String orderNumber = order.path("shopOrderNumber").asText();
        if (orderNumber.isEmpty() || orderNumber.length() > 120) {
            return "shopOrderNumber length " + orderNumber.length();
        }
        String dt = payee.path("dt").asText();
        if (!dt.matches("\\d{14}")) {
            return "dt must be yyyyMMddHHmmss: " + dt;
        }
        if (!PAYEE_ID.equals(payee.path("payeeId").asText()) || !login.equals(payee.path("login").asText())) {
            return "unknown payee";
        }
        String expected = signature(PAYEE_ID, dt, orderNumber, amount, login, signingKey);
        if (!expected.equals(payee.path("signature").asText())) {
            return "signature mismatch";
        }
        return null;
    }

    /** Portmone's signature, written from the published formula. */
    public static String signature(String payeeId, String dt, String orderNumber, String amount, String login,
                                   String key) {
        try {
            String message = (payeeId + dt + toHex(orderNumber) + amount).toUpperCase() + toHex(login).toUpperCase();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02X", b));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String toHex(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static void respond(HttpExchange http, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json");
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
