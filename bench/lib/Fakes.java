import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loopback fakes for the benchmarks: Portmone's gateway (JSON createLinkPayment, signature checked
 * from the published formula) and an SMTP sink that accepts every message and counts those that
 * carry a payment link. {@code GET /stats} on the gateway's port reports what both received.
 *
 * <pre>java bench/lib/Fakes.java PORTMONE_PORT SMTP_PORT [READY_FILE]</pre>
 */
public class Fakes {

    static final String PAYEE_ID = "1185";
    static final String LOGIN = "WDISHOP";
    static final String SIGNING_KEY = "bench-signing-key";
    static final String LINK_PREFIX = "https://www.portmone.com.ua/r3/pg/";

    static final AtomicLong calls = new AtomicLong();
    static final AtomicLong problems = new AtomicLong();
    static final AtomicLong mails = new AtomicLong();
    static final AtomicLong mailsWithLink = new AtomicLong();
    static final Map<String, String> orders = new ConcurrentHashMap<>();
    static volatile String lastProblem = "";

    public static void main(String[] args) throws Exception {
        // the JDK server writes headers and body separately: without this, Nagle's algorithm and
        // delayed ACKs add 40 ms to every answer
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int portmonePort = Integer.parseInt(args[0]);
        int smtpPort = Integer.parseInt(args[1]);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");

        HttpServer http = HttpServer.create(new InetSocketAddress(loopback, portmonePort), 256);
        http.createContext("/gateway/", Fakes::gateway);
        http.createContext("/stats", Fakes::stats);
        http.createContext("/reset", exchange -> {
            calls.set(0);
            problems.set(0);
            mails.set(0);
            mailsWithLink.set(0);
            orders.clear();
            lastProblem = "";
            respond(exchange, 200, "{}");
        });
        http.setExecutor(Executors.newFixedThreadPool(16));
        http.start();

        ServerSocket smtp = new ServerSocket(smtpPort, 256, loopback);
        ExecutorService sessions = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "smtp");
            t.setDaemon(true);
            return t;
        });
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket socket = smtp.accept();
                    socket.setTcpNoDelay(true);
                    sessions.execute(() -> smtpSession(socket));
                } catch (IOException e) {
                    return;
                }
            }
        }, "smtp-accept");
        acceptor.start();
        System.out.println("fakes ready: portmone http://127.0.0.1:" + portmonePort + "/gateway/ smtp 127.0.0.1:" + smtpPort);
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), "ready\n");
        }
    }

    // ---- Portmone ----

    static void gateway(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            String problem;
            Map<String, Object> request = null;
            try {
                request = asObject(new Json(new String(body, StandardCharsets.UTF_8)).value());
                problem = check(request, exchange.getRequestHeaders().getFirst("Content-Type"));
            } catch (RuntimeException e) {
                problem = "body is not JSON: " + e.getMessage();
            }
            if (problem != null) {
                problems.incrementAndGet();
                lastProblem = problem;
                respond(exchange, 200, "{\"errorCode\":\"1\",\"error\":\"" + problem.replace("\"", "'") + "\"}");
                return;
            }
            String orderNumber = (String) asObject(request.get("order")).get("shopOrderNumber");
            String link = orders.computeIfAbsent(orderNumber,
                    n -> LINK_PREFIX + HexFormat.of().formatHex(n.getBytes(StandardCharsets.UTF_8)));
            respond(exchange, 200, "{\"errorCode\":\"0\",\"error\":\"\",\"linkPayment\":\"" + link + "\"}");
        }
    }

    static String check(Map<String, Object> body, String contentType) {
        if (contentType == null || !contentType.startsWith("application/json")) {
            return "content type " + contentType;
        }
        if (!"createLinkPayment".equals(body.get("method"))) {
            return "method must be createLinkPayment";
        }
        Map<String, Object> payee = asObject(body.get("payee"));
        Map<String, Object> order = asObject(body.get("order"));
        if (payee == null || order == null || asObject(body.get("payer")) == null) {
            return "payee, order and payer are required";
        }
        String amount = String.valueOf(order.get("billAmount"));
        if (!amount.matches("\\d+\\.\\d{2}")) {
            return "billAmount must have two decimals: " + amount;
        }
        String orderNumber = String.valueOf(order.get("shopOrderNumber"));
        String dt = String.valueOf(payee.get("dt"));
        if (!dt.matches("\\d{14}")) {
            return "dt must be yyyyMMddHHmmss";
        }
        if (!PAYEE_ID.equals(payee.get("payeeId")) || !LOGIN.equals(payee.get("login"))) {
            return "unknown payee";
        }
        String text = (PAYEE_ID + dt + hex(orderNumber) + amount).toUpperCase(Locale.ROOT)
                + hex(LOGIN).toUpperCase(Locale.ROOT);
        if (!hmac(text).equals(payee.get("signature"))) {
            return "signature mismatch";
        }
        return null;
    }

    static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void stats(HttpExchange exchange) throws IOException {
        try (exchange) {
            respond(exchange, 200, "{\"portmoneCalls\":" + calls.get() + ",\"orders\":" + orders.size()
                    + ",\"problems\":" + problems.get() + ",\"mails\":" + mails.get()
                    + ",\"mailsWithLink\":" + mailsWithLink.get() + ",\"lastProblem\":\""
                    + lastProblem.replace("\"", "'") + "\"}");
        }
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- SMTP ----

    /**
     * Whether a message whose body is quoted-printable or base64 (as nodemailer sends mostly non-ASCII
     * HTML) carries the link once decoded.
     */
    static boolean linkInEncodedBody(String message) {
        String unfolded = message.replace("=\n", "");
        StringBuilder qp = new StringBuilder();
        for (int i = 0; i < unfolded.length(); i++) {
            char c = unfolded.charAt(i);
            if (c == '=' && i + 2 < unfolded.length() && HexFormat.isHexDigit(unfolded.charAt(i + 1))
                    && HexFormat.isHexDigit(unfolded.charAt(i + 2))) {
                qp.append((char) HexFormat.fromHexDigits(unfolded, i + 1, i + 3));
                i += 2;
            } else {
                qp.append(c);
            }
        }
        if (qp.toString().contains(LINK_PREFIX)) {
            return true;
        }
        StringBuilder block = new StringBuilder();
        for (String line : (message + "\n").split("\n", -1)) {
            if (!line.isEmpty() && line.matches("[A-Za-z0-9+/=]+")) {
                block.append(line);
                continue;
            }
            if (block.length() > 0) {
                try {
                    if (new String(java.util.Base64.getDecoder().decode(block.toString()), StandardCharsets.UTF_8)
                            .contains(LINK_PREFIX)) {
                        return true;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // a line that only looked like base64
                }
                block.setLength(0);
            }
        }
        return false;
    }

    static void smtpSession(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
            reply(out, "220 127.0.0.1 ESMTP bench sink");
            boolean haveRecipient = false;
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-127.0.0.1\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760");
                    case "HELO" -> reply(out, "250 127.0.0.1");
                    case "MAIL" -> {
                        haveRecipient = false;
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        haveRecipient = true;
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        if (!haveRecipient) {
                            reply(out, "503 need RCPT first");
                            break;
                        }
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        boolean link = false;
                        StringBuilder message = new StringBuilder();
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            if (!link && data.contains(LINK_PREFIX)) {
                                link = true;
                            }
                            if (!link) {
                                message.append(data).append('\n');
                            }
                        }
                        link = link || linkInEncodedBody(message.toString());
                        mails.incrementAndGet();
                        if (link) {
                            mailsWithLink.incrementAndGet();
                        }
                        reply(out, "250 OK queued");
                    }
                    case "RSET", "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 command not implemented");
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }

    static void reply(Writer out, String text) throws IOException {
        out.write(text);
        out.write("\r\n");
        out.flush();
    }

    // ---- a small JSON reader: objects, arrays, strings, numbers, literals ----

    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (text.charAt(at) == '}') {
                at++;
                return map;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (text.charAt(at) == ',') {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            skipSpace();
            if (text.charAt(at) == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (text.charAt(at) == ',') {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return s.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> s.append('\n');
                        case 't' -> s.append('\t');
                        case 'r' -> s.append('\r');
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'u' -> {
                            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> s.append(e);
                    }
                } else {
                    s.append(c);
                }
            }
        }

        private Object number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("unexpected '" + text.charAt(at) + "'");
            }
            return Double.parseDouble(text.substring(start, at));
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw new IllegalArgumentException("unexpected token");
            }
            at += word.length();
            return value;
        }

        private void expect(char c) {
            if (text.charAt(at) != c) {
                throw new IllegalArgumentException("expected '" + c + "'");
            }
            at++;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
