package dev.portmoneconnect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.portmoneconnect.flow.ShopOrderNumber;
import dev.portmoneconnect.support.AppProcess;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FreePort;
import dev.portmoneconnect.support.QuickGreenMail;
import dev.portmoneconnect.support.TestPostgres;
import dev.portmoneconnect.support.TestSecrets;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two packaged instances of the PostgreSQL build on one database, sharing one connection whose
 * clustered schedule fires every 10 seconds, with 1,000 orders in its inbox. The instance that
 * runs it is killed (SIGKILL) a quarter of the way through; the other one finishes the work. Every
 * order is invoiced once, every record delivered once, and no two runs of the connection overlap.
 */
@Tag("postgres")
class ScaleOutIT {

    static final String SCHEMA = "scale_out";
    static final String CONNECTION = "scale-orders";
    static final int RECORDS = 1000;
    static final int KILL_AFTER = RECORDS / 4;
    static final Duration LEASE = Duration.ofSeconds(6);
    static final Path LOGS = Path.of("target", "scale-out");
    static final Pattern FIRING = Pattern.compile("firing planned at (\\S+) delivered here: (\\w+)");

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    FakePortmone portmone;
    GreenMail mail;
    AppProcess alpha;
    AppProcess beta;

    @BeforeEach
    void twoInstancesOnOneDatabase() throws Exception {
        TestPostgres.freshSchema(SCHEMA);
        portmone = new FakePortmone();
        int smtpPort = FreePort.any();
        mail = new QuickGreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.setUser("mailer", TestSecrets.SMTP_PASSWORD);
        mail.start();
        alpha = AppProcess.start("alpha", settings("alpha", smtpPort), LOGS);
        beta = AppProcess.start("beta", settings("beta", smtpPort), LOGS);
        alpha.awaitReady(Duration.ofSeconds(90));
        beta.awaitReady(Duration.ofSeconds(90));
    }

    @AfterEach
    void stop() throws Exception {
        for (AppProcess app : new AppProcess[] {alpha, beta}) {
            if (app != null) {
                app.close();
            }
        }
        if (mail != null) {
            mail.stop();
        }
        if (portmone != null) {
            portmone.close();
        }
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void eachOrderIsInvoicedOnceAndTheSurvivorFinishesTheWorkOfAKilledInstance() throws Exception {
        // Orders arrive through both instances' webhooks; the switch, set on one, holds for both.
        post(alpha, IntStream.range(0, RECORDS / 2));
        post(beta, IntStream.range(RECORDS / 2, RECORDS));
        assertThat(pendingInbox()).isEqualTo(RECORDS);
        Instant switchedOn = Instant.now();
        assertThat(send(beta, HttpRequest.newBuilder(URI.create(beta.url() + "/api/connections/" + CONNECTION
                + "/enabled")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("true"))).statusCode()).isEqualTo(200);

        await(Duration.ofSeconds(60), () -> delivered() >= KILL_AFTER);
        String runningOn = holderInstance();
        AppProcess victim = runningOn.equals("alpha") ? alpha : beta;
        AppProcess survivor = victim == alpha ? beta : alpha;
        int deliveredBeforeKill = delivered();
        victim.kill();
        Instant killedAt = Instant.now();

        await(Duration.ofSeconds(180), () -> delivered() == RECORDS && pendingInbox() == 0);
        Instant done = Instant.now();

        // Portmone holds one order per record; only a record caught between request and stored link is asked twice.
        Map<String, String> orders = portmone.orders();
        assertThat(orders).hasSize(RECORDS);
        assertThat(orders.keySet()).isEqualTo(IntStream.range(0, RECORDS)
                .mapToObj(i -> ShopOrderNumber.of(CONNECTION, key(i))).collect(Collectors.toSet()));
        assertThat(portmone.problems()).isEmpty();
        long askedAgain = orders.keySet().stream().filter(n -> portmone.requestsFor(n).size() > 1).count();
        assertThat(askedAgain).isLessThanOrEqualTo(1);

        // Each ledger row delivered once, with the link Portmone holds for its order.
        try (Connection db = TestPostgres.connect(SCHEMA)) {
            Map<String, String> links = rows(db, "SELECT shop_order_number, payment_link FROM ledger_record"
                    + " WHERE status = 'DELIVERED'");
            assertThat(links).isEqualTo(orders);
            assertThat(rows(db, "SELECT record_id, COUNT(*) FROM record_attempt WHERE outcome = 'DELIVERED'"
                    + " GROUP BY record_id HAVING COUNT(*) > 1")).isEmpty();
        }

        // One e-mail per payer with its link; at most the record in flight at the kill is e-mailed twice.
        MimeMessage[] messages = mail.getReceivedMessages();
        Map<String, Integer> mailsPerPayer = new HashMap<>();
        for (MimeMessage message : messages) {
            String to = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
            mailsPerPayer.merge(to, 1, Integer::sum);
            String order = ShopOrderNumber.of(CONNECTION, to.substring("payer-".length(), to.indexOf('@')));
            assertThat(GreenMailUtil.getBody(message)).contains(orders.get(order));
        }
        assertThat(mailsPerPayer).hasSize(RECORDS);
        int duplicateMails = messages.length - RECORDS;
        assertThat(duplicateMails).isLessThanOrEqualTo(1);

        // Runs never overlap: the killed run was closed when the survivor took the connection over.
        List<RunRow> runs = runs();
        RunRow killed = runs.stream().filter(r -> r.instance().equals(victim.name()) && r.records() > 0)
                .findFirst().orElseThrow();
        assertThat(killed.status()).isEqualTo("ABANDONED");
        RunRow takeover = runs.stream().filter(r -> r.instance().equals(survivor.name())
                && r.started().isAfter(killed.started()) && r.records() > 0).findFirst().orElseThrow();
        assertThat(takeover.status()).isEqualTo("SUCCEEDED");
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                assertThat(runs.get(i).overlaps(runs.get(j))).as("%s and %s", runs.get(i), runs.get(j)).isFalse();
            }
        }

        // Each firing was delivered to one instance only.
        Map<String, List<String>> firings = new HashMap<>();
        Map<String, Integer> firingsPerInstance = new HashMap<>();
        for (AppProcess app : new AppProcess[] {alpha, beta}) {
            Matcher m = FIRING.matcher(Files.readString(app.log()));
            while (m.find()) {
                firings.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(app.name() + ":" + m.group(2));
                firingsPerInstance.merge(app.name(), 1, Integer::sum);
            }
        }
        assertThat(firings.values()).allSatisfy(deliveries -> assertThat(deliveries).hasSize(1));
        long coalesced = firings.values().stream().filter(d -> d.get(0).endsWith("COALESCED")).count();

        double seconds = Duration.between(switchedOn, done).toMillis() / 1000.0;
        System.out.printf("%nTwo instances on PostgreSQL, %d records%n", RECORDS);
        System.out.printf("  all delivered %.1f s after the switch was turned on: %.1f records/s overall%n", seconds,
                RECORDS / seconds);
        System.out.printf("  run on %s: %.1f records/s; SIGKILL after %d delivered%n", victim.name(),
                killed.rate(), deliveredBeforeKill);
        System.out.printf("  %s took over %.1f s after the kill and delivered %d records at %.1f records/s%n",
                survivor.name(), Duration.between(killedAt, takeover.started()).toMillis() / 1000.0,
                takeover.records(), takeover.rate());
        System.out.printf("  Portmone: %d orders, %d requests (%.3f per order), %d asked again, 0 duplicate orders%n",
                orders.size(), portmone.requests().size(), portmone.requests().size() / (double) orders.size(),
                askedAgain);
        System.out.printf("  e-mails: %d for %d payers (%d sent twice); ledger rows delivered twice: 0%n",
                messages.length, mailsPerPayer.size(), duplicateMails);
        System.out.printf("  firings delivered: %s, %d coalesced into a running run, none twice%n%n",
                firingsPerInstance, coalesced);
    }

    private Map<String, String> settings(String instanceId, int smtpPort) {
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.datasource.jdbc.url", TestPostgres.url(SCHEMA));
        settings.put("quarkus.datasource.username", TestPostgres.USER);
        settings.put("quarkus.datasource.password", TestPostgres.PASSWORD);
        settings.put("connect.instance-id", instanceId);
        settings.put("connect.run-heartbeat", "1s");
        settings.put("connect.run-lease", LEASE.toSeconds() + "s");
        // each scheduler looks for firings planned by the others every 2 s (Quartz's default is 30 s)
        settings.put("quarkus.quartz.unsupported-properties.\"org.quartz.scheduler.idleWaitTime\"", "2000");
        settings.put("quarkus.log.category.\"dev.portmoneconnect.schedule\".level", "DEBUG");
        settings.put("camel.main.routes-include-pattern", "file:target/test-classes/scale-out/*.camel.yaml");
        settings.put("portmone.accounts.shop.url", portmone.url());
        settings.put("portmone.accounts.shop.payee-id", FakePortmone.PAYEE_ID);
        settings.put("portmone.accounts.shop.login", FakePortmone.LOGIN);
        settings.put("portmone.accounts.shop.password", TestSecrets.PORTMONE_PASSWORD);
        settings.put("portmone.accounts.shop.signing-key", FakePortmone.SIGNING_KEY);
        settings.put("delivery.mail.host", "127.0.0.1");
        settings.put("delivery.mail.port", String.valueOf(smtpPort));
        settings.put("delivery.mail.username", "mailer");
        settings.put("delivery.mail.password", TestSecrets.SMTP_PASSWORD);
        settings.put("delivery.mail.from", "invoices@shop.example");
        for (String connection : List.of(CONNECTION, "landing-orders", "landing-orders-sms")) {
            settings.put("connections." + connection + ".webhook-token", TestSecrets.WEBHOOK_TOKEN);
        }
        return settings;
    }

    private void post(AppProcess app, IntStream ids) throws Exception {
        List<Map<String, String>> records = ids.mapToObj(i -> Map.of("id", key(i), "name", "Payer " + i,
                "email", "payer-" + key(i) + "@example.com", "amount", (100 + i % 900) + ".50")).toList();
        HttpResponse<String> answer = send(app, HttpRequest.newBuilder(URI.create(app.url() + "/hooks/" + CONNECTION))
                .header("Content-Type", "application/json").header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(records))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private HttpResponse<String> send(AppProcess app, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String key(int i) {
        return "S" + i;
    }

    private static int delivered() {
        return count("SELECT COUNT(*) FROM ledger_record WHERE status = 'DELIVERED'");
    }

    private static int pendingInbox() {
        return count("SELECT COUNT(*) FROM inbox WHERE status = 'PENDING'");
    }

    private static String holderInstance() {
        try (Connection db = TestPostgres.connect(SCHEMA);
             PreparedStatement query = db.prepareStatement("SELECT r.instance_id FROM connection_state s"
                     + " JOIN run r ON r.id = s.running_run_id WHERE s.connection_id = ?")) {
            query.setString(1, CONNECTION);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as("a run holds the connection").isTrue();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String sql) {
        try (Connection db = TestPostgres.connect(SCHEMA); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> rows(Connection db, String sql) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }

    private static List<RunRow> runs() throws SQLException {
        List<RunRow> runs = new ArrayList<>();
        try (Connection db = TestPostgres.connect(SCHEMA);
             PreparedStatement query = db.prepareStatement("SELECT id, instance_id, status, started_at, finished_at,"
                     + " heartbeat_at, (SELECT COUNT(*) FROM record_attempt a WHERE a.run_id = run.id) AS records"
                     + " FROM run WHERE connection_id = ? ORDER BY started_at")) {
            query.setString(1, CONNECTION);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Instant started = rs.getObject("started_at", OffsetDateTime.class).toInstant();
                    String status = rs.getString("status");
                    // a run that was killed stopped working at its last heartbeat
                    OffsetDateTime end = rs.getObject("ABANDONED".equals(status) ? "heartbeat_at" : "finished_at",
                            OffsetDateTime.class);
                    runs.add(new RunRow(rs.getString("id"), rs.getString("instance_id"), status, started,
                            end == null ? Instant.MAX : end.toInstant(), rs.getInt("records")));
                }
            }
        }
        return runs;
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + "; see the logs in " + LOGS);
            }
            Thread.sleep(200);
        }
    }

    private record RunRow(String id, String instance, String status, Instant started, Instant ended, int records) {

        boolean overlaps(RunRow other) {
            return started.isBefore(other.ended) && other.started.isBefore(ended);
        }

        double rate() {
            return records / Math.max(0.001, Duration.between(started, ended).toMillis() / 1000.0);
        }
    }
}
