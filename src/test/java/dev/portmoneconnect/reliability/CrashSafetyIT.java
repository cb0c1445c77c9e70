package dev.portmoneconnect.reliability;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.portmoneconnect.support.AppProcess;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.TestSecrets;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the packaged application with SIGKILL at random moments while it invoices 1,000 records,
 * restarts it each time, and checks the end state: every record invoiced and delivered, none lost,
 * exactly one order per record at Portmone however many requests named it, and the number of
 * duplicate e-mails (possible only when the kill falls between the mail server accepting a message
 * and the ledger recording it).
 *
 * <p>The H2 database runs with {@code WRITE_DELAY=0}, so that, as on PostgreSQL, every commit is in
 * the file before it returns: with H2's default delay a SIGKILL loses the last half second of
 * commits (see docs/guarantees.md, "On H2, a killed process forgets its last half second"), and the harness
 * checks the application, not that delay.
 *
 * <p>Run with {@code ./mvnw -Pcrash verify} (after a package); settings: {@code -Dcrash.records=1000
 * -Dcrash.kills=20}.
 */
class CrashSafetyIT {

    static final int RECORDS = Integer.getInteger("crash.records", 1000);
    static final int KILLS = Integer.getInteger("crash.kills", 20);
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Random random = new Random(Long.getLong("crash.seed", 7L));
    private FakePortmone portmone;
    private GreenMail mail;
    private AppProcess app;
    private Path workDir;
    private int starts;

    @AfterEach
    void stopAll() throws InterruptedException {
        if (app != null) {
            app.kill();
        }
        if (mail != null) {
            mail.stop();
        }
        if (portmone != null) {
            portmone.close();
        }
    }

    @Test
    void killedAtRandomTheAppStillInvoicesEachRecordOnceAndLosesNone() throws Exception {
        long began = System.nanoTime();
        portmone = new FakePortmone();
        int smtpPort = freePort();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.setUser("mailer", TestSecrets.SMTP_PASSWORD);
        mail.start();
        workDir = Files.createDirectories(Path.of("target", "crash-" + UUID.randomUUID()));

        start(smtpPort);
        feed();
        int kills = 0;
        while (kills < KILLS) {
            given().post("/api/connections/landing-orders/run");
            Thread.sleep(100 + random.nextInt(1400));
            app.kill();
            kills++;
            start(smtpPort);
        }
        int finalRuns = 0;
        while (finalRuns < 10) {
            finalRuns++;
            int seen = given().post("/api/connections/landing-orders/run?wait=true").then().statusCode(200)
                    .extract().path("counts.records");
            if (seen == 0) {
                break;
            }
        }
        app.close();

        Map<String, Integer> statuses = ledgerStatuses();
        int pendingInbox = pendingInbox();
        Map<String, Integer> mails = mailsByRecipient();
        int duplicates = mails.values().stream().mapToInt(n -> n - 1).sum();
        long orders = portmone.orders().keySet().stream().filter(k -> k.startsWith("landing-orders_CR-")).count();
        long requests = portmone.requests().stream()
                .filter(r -> r.path("order").path("shopOrderNumber").asText().startsWith("landing-orders_CR-")).count();
        System.out.printf("Crash safety: %d records, %d SIGKILLs, %d starts, %d final runs, %.1f s%n", RECORDS, kills,
                starts, finalRuns, (System.nanoTime() - began) / 1e9);
        System.out.printf("  ledger %s, inbox pending %d%n", statuses, pendingInbox);
        System.out.printf("  Portmone: %d orders, %d createLinkPayment requests (%.3f per order)%n", orders, requests,
                orders == 0 ? 0 : (double) requests / orders);
        System.out.printf("  e-mails: %d recipients, %d messages, %d duplicates%n", mails.size(),
                mails.values().stream().mapToInt(Integer::intValue).sum(), duplicates);

        assertThat(statuses).containsEntry("DELIVERED", RECORDS).hasSize(1);
        assertThat(pendingInbox).isZero();
        assertThat(orders).isEqualTo(RECORDS);
        assertThat(portmone.problems()).isEmpty();
        assertThat(mails).hasSize(RECORDS);
        assertThat(duplicates).as("duplicates come only from kills between SMTP acceptance and the ledger write")
                .isLessThanOrEqualTo(kills * 4);
    }

    private void feed() {
        for (int from = 0; from < RECORDS; from += 200) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(RECORDS, from + 200); i++) {
                batch.add(Map.of("order_id", "CR-" + i, "name", "Payer " + i, "email", "cr" + i + "@example.com",
                        "amount", String.valueOf(10 + i % 90)));
            }
            given().contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN).body(batch)
                    .post("/hooks/landing-orders").then().statusCode(202);
        }
    }

    private void start(int smtpPort) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + workDir.toAbsolutePath().resolve("db")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        settings.put("portmone.accounts.shop.url", portmone.url());
        settings.put("portmone.accounts.shop.payee-id", FakePortmone.PAYEE_ID);
        settings.put("portmone.accounts.shop.login", FakePortmone.LOGIN);
        settings.put("portmone.accounts.shop.signing-key", FakePortmone.SIGNING_KEY);
        settings.put("delivery.mail.host", "127.0.0.1");
        settings.put("delivery.mail.port", String.valueOf(smtpPort));
        settings.put("delivery.mail.username", "mailer");
        settings.put("delivery.mail.password", TestSecrets.SMTP_PASSWORD);
        settings.put("connections.landing-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
        settings.put("connections.landing-orders-sms.webhook-token", TestSecrets.WEBHOOK_TOKEN);
        settings.put("connect.retry.initial-delay", "50ms");
        app = AppProcess.start("app-" + starts, settings, workDir);
        starts++;
        RestAssured.baseURI = app.url();
        RestAssured.port = -1;
        app.awaitReady(START_TIMEOUT);
    }

    private Map<String, Integer> ledgerStatuses() throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection db = database(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT status, COUNT(*) FROM ledger_record"
                     + " WHERE connection_id = 'landing-orders' GROUP BY status")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    private int pendingInbox() throws SQLException {
        try (Connection db = database(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM inbox WHERE status = 'PENDING'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + workDir.toAbsolutePath().resolve("db"), "sa", "");
    }

    private Map<String, Integer> mailsByRecipient() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                counts.merge(to.toString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
