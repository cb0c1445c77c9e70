package dev.portmoneconnect.reliability;

import dev.portmoneconnect.support.AppProcess;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.ShippedAppFakes;
import dev.portmoneconnect.support.TestSecrets;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the packaged application with SIGKILL while it works, as it comes: run from an operator's
 * folder with the shipped {@code application.properties}, {@code routes/} and {@code templates/}, on
 * the default embedded store, with no setting of the store changed.
 *
 * <ul>
 *   <li>Killed at random moments while it invoices 1,000 records, restarted each time: every record
 *       ends invoiced and delivered, none is lost, Portmone holds one order per record, and the
 *       repeated external calls (a createLinkPayment or an e-mail sent again) are counted: each needs
 *       a kill between the other side's answer and the ledger's write, so there are at most as many per
 *       kill as records are handled at once (the records pool, 4).</li>
 *   <li>The acknowledged-loss probe: posts from many clients as fast as they go, SIGKILL right after
 *       the last 202, restart: every acknowledged record is invoiced.</li>
 * </ul>
 *
 * <p>Run with {@code ./mvnw -Pcrash verify} (after a package); settings: {@code -Dcrash.records=1000
 * -Dcrash.kills=20 -Dcrash.probe.posts=2000 -Dcrash.probe.clients=16}.
 */
class CrashSafetyIT {

    static final int RECORDS = Integer.getInteger("crash.records", 1000);
    static final int KILLS = Integer.getInteger("crash.kills", 20);
    static final int PROBE_POSTS = Integer.getInteger("crash.probe.posts", 2000);
    static final int PROBE_CLIENTS = Integer.getInteger("crash.probe.clients", 16);
    static final int RECORDS_AT_ONCE = 4;
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Random random = new Random(Long.getLong("crash.seed", 7L));
    private ShippedAppFakes fakes;
    private FakePortmone portmone;
    private AppProcess app;
    private Path workDir;
    private int starts;

    @AfterEach
    void stopAll() throws InterruptedException {
        if (app != null) {
            app.kill();
        }
        if (fakes != null) {
            fakes.close();
        }
    }

    @Test
    void killedAtRandomTheAppStillInvoicesEachRecordOnceAndLosesNone() throws Exception {
        long began = System.nanoTime();
        startFakes();
        start();
        feed();
        int kills = 0;
        while (kills < KILLS) {
            given().post("/api/connections/landing-orders/run");
            Thread.sleep(100 + random.nextInt(1400));
            app.kill();
            kills++;
            start();
        }
        int finalRuns = settle();
        app.close();

        Map<String, Integer> statuses = ledgerStatuses();
        int pendingInbox = pendingInbox();
        Map<String, Integer> mails = mailsByRecipient();
        int repeatedMails = mails.values().stream().mapToInt(n -> n - 1).sum();
        long orders = portmone.orders().keySet().stream().filter(k -> k.startsWith("landing-orders_CR-")).count();
        long requests = portmone.requests().stream()
                .filter(r -> r.path("order").path("shopOrderNumber").asText().startsWith("landing-orders_CR-")).count();
        long repeatedRequests = requests - orders;
        System.out.printf("Crash safety (shipped defaults): %d records, %d SIGKILLs, %d starts, %d final runs, %.1f s%n",
                RECORDS, kills, starts, finalRuns, (System.nanoTime() - began) / 1e9);
        System.out.printf("  ledger %s, inbox pending %d%n", statuses, pendingInbox);
        System.out.printf("  Portmone: %d orders, %d createLinkPayment requests, %d repeated (%.2f per kill)%n", orders,
                requests, repeatedRequests, (double) repeatedRequests / kills);
        System.out.printf("  e-mails: %d recipients, %d messages, %d repeated (%.2f per kill)%n", mails.size(),
                mails.values().stream().mapToInt(Integer::intValue).sum(), repeatedMails, (double) repeatedMails / kills);

        assertThat(statuses).containsEntry("DELIVERED", RECORDS).hasSize(1);
        assertThat(pendingInbox).isZero();
        Map<String, Integer> runs = runStatuses();
        System.out.printf("  runs %s%n", runs);
        assertThat(runs).as("every run a kill cut short is closed as abandoned at the next start, not left running")
                .doesNotContainKey("RUNNING").containsKey("ABANDONED");
        assertThat(orders).isEqualTo(RECORDS);
        assertThat(portmone.problems()).isEmpty();
        assertThat(mails).hasSize(RECORDS);
        assertThat(repeatedRequests).as("a request is repeated only for a record in flight when a kill came")
                .isLessThanOrEqualTo((long) kills * RECORDS_AT_ONCE);
        assertThat(repeatedMails).as("an e-mail is repeated only when a kill came between SMTP acceptance and the ledger write")
                .isLessThanOrEqualTo(kills * RECORDS_AT_ONCE);
    }

    @Test
    void everyAcknowledgedPostSurvivesAKillRightAfterItsAnswer() throws Exception {
        startFakes();
        start();
        ExecutorService clients = Executors.newFixedThreadPool(PROBE_CLIENTS);
        AtomicInteger acknowledged = new AtomicInteger();
        long began = System.nanoTime();
        List<Future<?>> posts = new ArrayList<>();
        for (int i = 0; i < PROBE_POSTS; i++) {
            String orderId = "AK-" + i;
            posts.add(clients.submit(() -> {
                given().contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN)
                        .body(Map.of("order_id", orderId, "name", "Payer " + orderId, "email", orderId + "@example.com",
                                "amount", "25"))
                        .post("/hooks/landing-orders").then().statusCode(202);
                acknowledged.incrementAndGet();
            }));
        }
        for (Future<?> post : posts) {
            post.get();
        }
        app.kill();
        double seconds = (System.nanoTime() - began) / 1e9;
        clients.shutdown();

        start();
        settle();
        app.close();
        long orders = portmone.orders().keySet().stream().filter(k -> k.startsWith("landing-orders_AK-")).count();
        System.out.printf("Acknowledged-loss probe (shipped defaults): %d posts from %d clients in %.2f s (%.0f/s),"
                        + " SIGKILL after the last 202; after restart %d invoiced, ledger %s%n", acknowledged.get(),
                PROBE_CLIENTS, seconds, acknowledged.get() / seconds, orders, ledgerStatuses());
        assertThat(acknowledged.get()).isEqualTo(PROBE_POSTS);
        assertThat(orders).as("every post answered 202 before the kill is invoiced after it").isEqualTo(PROBE_POSTS);
        assertThat(ledgerStatuses()).containsEntry("DELIVERED", PROBE_POSTS).hasSize(1);
    }

    private void startFakes() throws IOException {
        fakes = ShippedAppFakes.start();
        portmone = fakes.portmone;
        workDir = AppProcess.operatorFolder(Path.of("target", "crash-" + UUID.randomUUID()));
    }

    /** Runs the connection until a run finds nothing more to do. */
    private int settle() {
        int runs = 0;
        while (runs < 10) {
            runs++;
            int seen = given().post("/api/connections/landing-orders/run?wait=true").then().statusCode(200)
                    .extract().path("counts.records");
            if (seen == 0) {
                break;
            }
        }
        return runs;
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

    private void start() throws Exception {
        Map<String, String> settings = fakes.settings();
        settings.put("connect.retry.initial-delay", "50ms");
        app = AppProcess.start("app-" + starts, settings, workDir, workDir);
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

    private Map<String, Integer> runStatuses() throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection db = database(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT status, COUNT(*) FROM run WHERE connection_id = 'landing-orders'"
                     + " GROUP BY status")) {
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
        return DriverManager.getConnection("jdbc:sqlite:" + workDir.resolve("data").resolve("portmone-connect.db"));
    }

    private Map<String, Integer> mailsByRecipient() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : fakes.mail.getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                counts.merge(to.toString(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
