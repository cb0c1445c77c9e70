import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: for each record, the signed createLinkPayment call and one SMTP message carrying
 * the link, with no framework, no database and no template engine, on CONCURRENCY threads.
 *
 * WARMUP records go first, untimed, so the timed ones run on compiled code as the app's do.
 *
 * <pre>java bench/lib/BareLoop.java GATEWAY_URL SMTP_PORT RECORDS CONCURRENCY [PREFIX [WARMUP]]</pre>
 */
public class BareLoop {

    static final String PAYEE_ID = "1185";
    static final String LOGIN = "WDISHOP";
    static final String SIGNING_KEY = "bench-signing-key";
    static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    static final Pattern LINK = Pattern.compile("\"linkPayment\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args[0]);
        int smtpPort = Integer.parseInt(args[1]);
        int records = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        String prefix = args.length > 4 ? args[4] : "BARE";
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        if (warmup > 0) {
            loop(http, gateway, smtpPort, warmup, concurrency, prefix + "-WARM");
        }
        loop(http, gateway, smtpPort, records, concurrency, prefix);
    }

    static void loop(HttpClient http, URI gateway, int smtpPort, int records, int concurrency, String prefix)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < records) {
                    try {
                        one(http, gateway, smtpPort, prefix + "-" + i, i);
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 3) {
                            System.err.println("record " + i + " failed: " + e);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpuStart) / 1e6;
        pool.shutdown();
        System.out.printf(Locale.ROOT, (prefix.endsWith("-WARM") ? "WARM " : "") + "bare records=%d concurrency=%d failed=%d seconds=%.3f rate=%.1f cpuMsPerRecord=%.3f%n",
                records, concurrency, failed.get(), seconds, records / seconds, cpuMs / records);
        if (failed.get() > 0) {
            System.exit(1);
        }
    }

    static void one(HttpClient http, URI gateway, int smtpPort, String orderId, int i) throws Exception {
        String orderNumber = "bench-orders_" + orderId;
        String amount = "123.45";
        String email = "payer" + i + "@example.com";
        String name = "Payer " + i;
        String dt = DT.format(ZonedDateTime.now(ZoneId.of("Europe/Kyiv")));
        String signature = sign((PAYEE_ID + dt + hex(orderNumber) + amount).toUpperCase(Locale.ROOT)
                + hex(LOGIN).toUpperCase(Locale.ROOT));
        String body = "{\"method\":\"createLinkPayment\",\"payee\":{\"payeeId\":\"" + PAYEE_ID + "\",\"login\":\"" + LOGIN
                + "\",\"dt\":\"" + dt + "\",\"signature\":\"" + signature + "\",\"shopSiteId\":\"\"},"
                + "\"order\":{\"description\":\"Order " + orderId + "\",\"shopOrderNumber\":\"" + orderNumber
                + "\",\"billAmount\":\"" + amount + "\",\"billCurrency\":\"UAH\",\"successUrl\":\"\",\"failureUrl\":\"\","
                + "\"preauthFlag\":\"N\",\"expTime\":\"86400\",\"attribute1\":\"" + name + "\",\"attribute2\":\"\","
                + "\"attribute3\":\"" + email + "\",\"attribute4\":\"\",\"encoding\":\"UTF-8\"},"
                + "\"token\":{\"tokenFlag\":\"N\",\"returnToken\":\"N\",\"token\":\"\",\"cardMask\":\"\",\"otherPaymentMethods\":\"\"},"
                + "\"payer\":{\"lang\":\"uk\",\"emailAddress\":\"" + email + "\",\"showEmail\":\"Y\"}}";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(gateway)
                .header("Content-Type", "application/json; charset=UTF-8")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher link = LINK.matcher(answer.body());
        if (answer.statusCode() != 200 || !answer.body().contains("\"errorCode\":\"0\"") || !link.find()) {
            throw new IllegalStateException("Portmone answered " + answer.statusCode() + " " + answer.body());
        }
        mail(smtpPort, email, "Invoice for " + amount + " UAH — Order " + orderId,
                "<p>Dear " + name + ",</p><p>Pay the invoice: <a href=\"" + link.group(1) + "\">" + link.group(1) + "</a></p>");
    }

    static void mail(int port, String to, String subject, String html) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15000);
            socket.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO bench", "250");
            command(out, in, "MAIL FROM:<invoices@shop.example>", "250");
            command(out, in, "RCPT TO:<" + to + ">", "250");
            command(out, in, "DATA", "354");
            String message = "From: invoices@shop.example\r\nTo: " + to + "\r\nSubject: " + subject
                    + "\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n"
                    + "Content-Transfer-Encoding: 8bit\r\n\r\n" + html + "\r\n.";
            command(out, in, message, "250");
            command(out, in, "QUIT", "221");
        }
    }

    static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, code);
    }

    static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IOException("SMTP expected " + code + ", got " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sign(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().withUpperCase().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
