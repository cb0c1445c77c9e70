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
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for Portmone's gateway that speaks its JSON and checks every request the way
 * Portmone would: the method, the required fields, the amount format and the signature, which it
 * recomputes here independently of the application's code. Like Portmone, it keeps one order per
 * shopOrderNumber: asking again for a known order answers the same link.
 *
 * <p>It also answers {@code result} (by order number or by a range of days, with the merchant's
 * login and password) and {@code closeInvoice}, lets a test mark orders paid, declined or refunded
 * as a payer and Portmone would, and posts Portmone's payment notifications (JSON or the XML form)
 * to the application, keeping the answers. Every call it receives is in its own log
 * ({@link #calls()}), so tests count what the application asked.
 */
public class FakePortmone implements AutoCloseable {

    public static final String PAYEE_ID = "1185";
    public static final String LOGIN = "WDISHOP";
    public static final String SIGNING_KEY = "fake-signing-key-Zx81";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter PAY_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String login;
    private final String signingKey;
    private final HttpServer server;
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> orders = new ConcurrentHashMap<>();
    private final Map<String, Order> ledger = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<NotificationAnswer> notificationAnswers = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong bills = new AtomicLong(880_000);
    private volatile String password = TestSecrets.PORTMONE_PASSWORD;
    private final Map<String, String[]> rejections = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private final AtomicInteger delayedToServe = new AtomicInteger();
    private volatile long delayMillis;
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

    /** One request as the fake received it: its method and its body. */
    public record Call(String method, JsonNode body, Instant at) {

        /** {@code params.data} of result and closeInvoice. */
        public JsonNode data() {
            return body.path("params").path("data");
        }
    }

    /** Every request received, of every method, in order. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Forgets the calls logged so far (orders stay). */
    public void clearCalls() {
        calls.clear();
        notificationAnswers.clear();
    }

    /** An order as Portmone holds it. */
    public static final class Order {
        final String number;
        final String amount;
        final Instant createdAt;
        volatile String status = "CREATED";
        volatile String billId = "";
        volatile String paidAmount;
        volatile Instant payDate;
        volatile boolean closed;

        Order(String number, String amount, Instant createdAt) {
            this.number = number;
            this.amount = amount;
            this.createdAt = createdAt;
        }

        public String status() {
            return status;
        }

        public String billId() {
            return billId;
        }

        public boolean closed() {
            return closed;
        }

        public Instant payDate() {
            return payDate;
        }
    }

    public Order order(String orderNumber) {
        return ledger.get(orderNumber);
    }

    /** An order made some other way (a test's bulk set-up), as if createLinkPayment had made it at that time. */
    public void addOrder(String orderNumber, String amount, Instant createdAt) {
        ledger.put(orderNumber, new Order(orderNumber, amount, createdAt));
        orders.put(orderNumber, "https://www.portmone.com.ua/r3/pg/bulk-" + orderNumber);
    }

    /** The payer pays the whole amount now. */
    public Order markPaid(String orderNumber) {
        Order order = known(orderNumber);
        return markPaid(orderNumber, order.amount);
    }

    /** The payer pays this amount now. */
    public Order markPaid(String orderNumber, String amount) {
        Order order = known(orderNumber);
        order.billId = String.valueOf(bills.incrementAndGet());
        order.paidAmount = amount;
        order.payDate = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        order.status = "PAYED";
        return order;
    }

    /** The payer's bank declines the payment. */
    public Order markRejected(String orderNumber) {
        Order order = known(orderNumber);
        order.billId = String.valueOf(bills.incrementAndGet());
        order.status = "REJECTED";
        return order;
    }

    /** The merchant refunds a payment. */
    public Order markReturned(String orderNumber) {
        Order order = known(orderNumber);
        if (!"PAYED".equals(order.status)) {
            throw new IllegalStateException(orderNumber + " is not paid: nothing to refund");
        }
        order.status = "RETURN";
        return order;
    }

    private Order known(String orderNumber) {
        Order order = ledger.get(orderNumber);
        if (order == null) {
            throw new IllegalArgumentException("the fake Portmone holds no order " + orderNumber);
        }
        return order;
    }

    /** How the application answered one notification, and whether the answer has the shape Portmone expects. */
    public record NotificationAnswer(String format, String orderNumber, int httpStatus, String errorCode,
                                     String reason, boolean wellFormed) {
    }

    public List<NotificationAnswer> notificationAnswers() {
        synchronized (notificationAnswers) {
            return List.copyOf(notificationAnswers);
        }
    }

    /** Posts Portmone's JSON notification about the order, as it stands here, to the app's hook. */
    public NotificationAnswer notifyJson(String appBaseUrl, String account, String orderNumber) throws Exception {
        Order order = ledger.get(orderNumber);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("shopOrderNumber", orderNumber);
        body.put("shopBillId", order == null || order.billId.isEmpty() ? "999999" : order.billId);
        body.put("status", "PAYED");
        body.put("billAmount", order == null ? "1.00" : order.paidAmount != null ? order.paidAmount : order.amount);
        body.put("payeeId", PAYEE_ID);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(hook(appBaseUrl, account))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        NotificationAnswer read = readJsonAnswer(orderNumber, answer);
        notificationAnswers.add(read);
        return read;
    }

    /** Posts Portmone's XML notification (form field {@code data}) about the order to the app's hook. */
    public NotificationAnswer notifyXml(String appBaseUrl, String account, String orderNumber) throws Exception {
        Order order = ledger.get(orderNumber);
        String billId = order == null || order.billId.isEmpty() ? "999999" : order.billId;
        String amount = order == null ? "1.00" : order.paidAmount != null ? order.paidAmount : order.amount;
        String payDate = order == null || order.payDate == null ? "" : PAY_DATE.format(order.payDate.atZone(KYIV));
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><BILLS><PAYEE>" + PAYEE_ID + "</PAYEE><BILL>"
                + "<BILL_ID>" + billId + "</BILL_ID><BILL_NUMBER>" + orderNumber + "</BILL_NUMBER>"
                + "<BILL_DATE>" + DATE.format(LocalDate.now(KYIV)) + "</BILL_DATE><PAY_DATE>" + payDate + "</PAY_DATE>"
                + "<PAYED_AMOUNT>" + amount + "</PAYED_AMOUNT><AUTH_CODE>123456</AUTH_CODE>"
                + "<PAYER><CONTRACT_NUMBER>" + orderNumber + "</CONTRACT_NUMBER></PAYER></BILL></BILLS>";
        String form = "data=" + URLEncoder.encode(xml, StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(hook(appBaseUrl, account))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        NotificationAnswer read = readXmlAnswer(orderNumber, answer);
        notificationAnswers.add(read);
        return read;
    }

    private static URI hook(String appBaseUrl, String account) {
        return URI.create(appBaseUrl.replaceAll("/$", "") + "/hooks/portmone/" + account);
    }

    private static NotificationAnswer readJsonAnswer(String orderNumber, HttpResponse<String> answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            boolean wellFormed = body.isObject() && body.path("errorCode").isTextual() && body.path("reason").isTextual()
                    && body.has("responseId");
            return new NotificationAnswer("json", orderNumber, answer.statusCode(), body.path("errorCode").asText(null),
                    body.path("reason").asText(null), wellFormed);
        } catch (Exception e) {
            return new NotificationAnswer("json", orderNumber, answer.statusCode(), null, answer.body(), false);
        }
    }

    private static NotificationAnswer readXmlAnswer(String orderNumber, HttpResponse<String> answer) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "^(<\\?xml[^>]*\\?>)?\\s*<RESULT>\\s*<ERROR_CODE>([^<]*)</ERROR_CODE>\\s*<REASON>([^<]*)</REASON>\\s*</RESULT>\\s*$")
                .matcher(answer.body());
        if (!m.matches()) {
            return new NotificationAnswer("xml", orderNumber, answer.statusCode(), null, answer.body(), false);
        }
        return new NotificationAnswer("xml", orderNumber, answer.statusCode(), m.group(2), m.group(3), true);
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

    /** Answer the next n requests correctly, each only after {@code millis}: records stay in flight that long. */
    public void delayNext(int n, long millis) {
        delayedToServe.set(n);
        delayMillis = millis;
    }

    public void reset() {
        requests.clear();
        orders.clear();
        ledger.clear();
        calls.clear();
        notificationAnswers.clear();
        rejections.clear();
        problems.clear();
        failuresToServe.set(0);
        delayedToServe.set(0);
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
            String method = body.path("method").asText();
            calls.add(new Call(method, body, Instant.now()));
            if (contentType == null || !contentType.startsWith("application/json")) {
                problems.add("content type " + contentType);
            }
            if ("result".equals(method) || "closeInvoice".equals(method)) {
                if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    respond(http, 503, "Service Unavailable");
                    return;
                }
                respond(http, 200, JSON.writeValueAsString(statusMethod(method, body)));
                return;
            }
            requests.add(body);
            if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(http, 503, "Service Unavailable");
                return;
            }
            if (delayedToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                sleep(delayMillis);
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
                        createOrder(body.path("order").path("shopOrderNumber").asText(),
                                body.path("order").path("billAmount").asText());
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
            String link = createOrder(orderNumber, body.path("order").path("billAmount").asText());
            respond(http, 200, JSON.writeValueAsString(Map.of("errorCode", "0", "error", "", "linkPayment", link)));
        }
    }

    private String createOrder(String orderNumber) {
        return createOrder(orderNumber, "0.00");
    }

    private String createOrder(String orderNumber, String amount) {
        ledger.computeIfAbsent(orderNumber, n -> new Order(n, amount, Instant.now()));
        return orders.computeIfAbsent(orderNumber,
                n -> "https://www.portmone.com.ua/r3/pg/" + Integer.toHexString(n.hashCode()) + "-" + orders.size());
    }

    /** result and closeInvoice: the merchant's login and password in params.data. */
    private Object statusMethod(String method, JsonNode body) {
        JsonNode data = body.path("params").path("data");
        if (!data.isObject() || !"1".equals(body.path("id").asText())) {
            problems.add(method + " without params.data or id");
            return Map.of("errorCode", "1", "error", "bad request");
        }
        if (!PAYEE_ID.equals(data.path("payeeId").asText()) || !LOGIN.equals(data.path("login").asText())
                || !password.equals(data.path("password").asText())) {
            problems.add(method + " with wrong payee, login or password");
            return Map.of("errorCode", "2", "error", "authorisation failed");
        }
        String orderNumber = data.path("shopOrderNumber").asText("");
        if ("closeInvoice".equals(method)) {
            Order order = ledger.get(orderNumber);
            if (order == null) {
                return Map.of("errorCode", "4", "error", "order not found");
            }
            if (!"CREATED".equals(order.status) && !"REJECTED".equals(order.status)) {
                return Map.of("errorCode", "5", "error", "order is " + order.status);
            }
            order.closed = true;
            return Map.of("errorCode", "0", "error", "");
        }
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(data.path("startDate").asText(), DATE);
            end = LocalDate.parse(data.path("endDate").asText(), DATE);
        } catch (Exception e) {
            problems.add("result dates not dd.MM.yyyy: " + data.path("startDate") + " " + data.path("endDate"));
            return Map.of("errorCode", "3", "error", "bad dates");
        }
        List<Map<String, String>> items = new ArrayList<>();
        for (Order order : ledger.values()) {
            LocalDate created = order.createdAt.atZone(KYIV).toLocalDate();
            if ((!orderNumber.isEmpty() && !orderNumber.equals(order.number)) || created.isBefore(start)
                    || created.isAfter(end)) {
                continue;
            }
            Map<String, String> item = new java.util.LinkedHashMap<>();
            item.put("shopBillId", order.billId);
            item.put("shopOrderNumber", order.number);
            item.put("status", order.status);
            item.put("billAmount", order.paidAmount != null ? order.paidAmount : order.amount);
            item.put("pay_date", order.payDate == null ? "" : PAY_DATE.format(order.payDate.atZone(KYIV)));
            item.put("errorCode", "0");
            item.put("errorMessage", "");
            items.add(item);
        }
        return items;
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
