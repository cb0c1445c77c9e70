package dev.portmoneconnect.reliability;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.reliability.Interleaving.Kind;
import dev.portmoneconnect.reliability.Interleaving.Posted;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.TestSecrets;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;

/**
 * Plays an {@link Interleaving} against a running application (in-process or the packaged jar)
 * through its webhook and API, lets everything settle, then checks the promises against the fakes'
 * own logs (Portmone's orders, the mail server's messages) and the API's view of the inbox, the
 * ledger and the runs:
 * <ul>
 *   <li>every valid order key has one ledger record, DELIVERED, one Portmone order, and one e-mail;
 *       every source record that named it points to that record (done, or settled as its duplicate);</li>
 *   <li>every invalid record is FAILED with the field that failed (a record without a key: {@code key});</li>
 *   <li>nothing the webhook accepted is still pending;</li>
 *   <li>the runs' counts add up to the ledger: invoices created and records delivered, each once;</li>
 *   <li>a test send reaches the tester only, never a payer.</li>
 * </ul>
 */
final class InterleavingRunner {

    /** The mail server the application sends through, as a test can stop and start it. */
    interface MailServer {
        List<MimeMessage> received();

        boolean isRunning();

        void stop();

        void start();

        /** GreenMail, with the app's SMTP login set again each time it starts. */
        static MailServer of(GreenMail mail) {
            return new MailServer() {
                @Override
                public List<MimeMessage> received() {
                    return List.of(mail.getReceivedMessages());
                }

                @Override
                public boolean isRunning() {
                    return mail.isRunning();
                }

                @Override
                public void stop() {
                    mail.stop();
                }

                @Override
                public void start() {
                    mail.start();
                    mail.setUser("mailer", TestSecrets.SMTP_PASSWORD);
                }
            };
        }
    }

    private final String connection;
    private final FakePortmone portmone;
    private final MailServer mail;

    InterleavingRunner(String connection, FakePortmone portmone, MailServer mail) {
        this.connection = connection;
        this.portmone = portmone;
        this.mail = mail;
    }

    /** What one interleaving came to: the broken promises (none when all held) and some figures. */
    record Outcome(Interleaving scenario, List<String> violations, int posted, int runs, int testSends, long millis) {
    }

    Outcome play(Interleaving scenario) throws Exception {
        long began = System.nanoTime();
        Set<String> earlierRuns = new HashSet<>(runIds());
        String ns = "c" + scenario.seed() + "x" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);
        Map<Long, Posted> accepted = new LinkedHashMap<>();
        int testSends = 0;
        try {
            for (Interleaving.Step step : scenario.steps()) {
                testSends += play(ns, step, scenario, accepted);
            }
        } finally {
            portmone.failRandomly(0, 0);
            if (!mail.isRunning()) {
                mail.start();
            }
        }
        int runs = settle(accepted.keySet());
        List<String> violations = check(ns, scenario, accepted, earlierRuns);
        return new Outcome(scenario, violations, accepted.size(), runs, testSends, (System.nanoTime() - began) / 1_000_000);
    }

    /** @return 1 when the step started a test send */
    private int play(String ns, Interleaving.Step step, Interleaving scenario, Map<Long, Posted> accepted)
            throws Exception {
        if (step instanceof Interleaving.Post post) {
            accepted.putAll(post(ns, post));
        } else if (step instanceof Interleaving.ConcurrentPosts posts) {
            List<CompletableFuture<Map<Long, Posted>>> sent = posts.posts().stream()
                    .map(p -> CompletableFuture.supplyAsync(() -> post(ns, p))).toList();
            for (CompletableFuture<Map<Long, Posted>> answer : sent) {
                accepted.putAll(answer.get());
            }
        } else if (step instanceof Interleaving.Run) {
            given().post(api("/run")).then().statusCode(oneOf(202, 409));
        } else if (step instanceof Interleaving.RunAndWait) {
            given().post(api("/run?wait=true")).then().statusCode(oneOf(200, 409));
        } else if (step instanceof Interleaving.Replay replay) {
            replay(replay.pick());
        } else if (step instanceof Interleaving.TestSend send) {
            return testSend(ns, send.key(), scenario.keys());
        } else if (step instanceof Interleaving.PortmoneFaults faults) {
            portmone.failRandomly(faults.rate(), 700);
        } else if (step instanceof Interleaving.MailDown) {
            if (mail.isRunning()) {
                mail.stop();
            }
        } else if (step instanceof Interleaving.MailUp) {
            if (!mail.isRunning()) {
                mail.start();
            }
        } else if (step instanceof Interleaving.Pause pause) {
            Thread.sleep(pause.millis());
        }
        return 0;
    }

    private Map<Long, Posted> post(String ns, Interleaving.Post post) {
        List<Map<String, Object>> body = post.records().stream().map(r -> record(ns, r)).toList();
        List<Long> ids = given().contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN)
                .body(body).post("/hooks/" + connection).then().statusCode(202)
                .extract().jsonPath().getList("ids", Long.class);
        Map<Long, Posted> accepted = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            accepted.put(ids.get(i), post.records().get(i));
        }
        return accepted;
    }

    private static Map<String, Object> record(String ns, Posted posted) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (posted.key() == null) {
            fields.put("name", "No Key " + posted.version());
            fields.put("email", "nokey" + posted.version() + "@" + ns + ".example");
            fields.put("amount", "12.50");
            return fields;
        }
        fields.put("order_id", ns + "-" + posted.key());
        fields.put("name", "Payer " + posted.key() + (posted.version() == 0 ? "" : " v" + posted.version()));
        fields.put("email", posted.kind() == Kind.VALID ? address(ns, posted.key()) : "not an address " + posted.version());
        fields.put("amount", "1" + posted.key().substring(1) + ".00");
        return fields;
    }

    private static String address(String ns, String key) {
        return key.toLowerCase(Locale.ROOT) + "@" + ns + ".example";
    }

    private void replay(int pick) {
        List<Long> failed = new ArrayList<>();
        List<String> runIds = given().get(api("/runs?limit=5")).then().statusCode(200).extract().jsonPath()
                .getList("id", String.class);
        for (String runId : runIds) {
            JsonPath detail = given().get("/api/runs/" + runId).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> records = detail.getList("records");
            for (Map<String, Object> record : records) {
                Object status = record.get("status");
                if (("FAILED".equals(status) || "PARKED".equals(status)) && record.get("recordId") != null) {
                    failed.add(((Number) record.get("recordId")).longValue());
                }
            }
        }
        if (!failed.isEmpty()) {
            given().post("/api/records/" + failed.get(pick % failed.size()) + "/replay").then()
                    .statusCode(oneOf(202, 409));
        }
    }

    /** @return 1 when a test send started */
    private int testSend(String ns, String key, Map<String, Kind> keys) {
        Map<String, Object> sample = record(ns, new Posted(key, keys.get(key), 0));
        Response answer = given().contentType(ContentType.JSON)
                .body(Map.of("email", "tester@" + ns + ".example", "sample", sample))
                .post(api("/test"));
        int status = answer.statusCode();
        if (status != 202 && status != 409 && status != 400 && status != 422) {
            throw new AssertionError("test send answered " + status + ": " + answer.asString());
        }
        return status == 202 ? 1 : 0;
    }

    /**
     * Runs the connection, and replays what was parked, until nothing the webhook accepted is pending
     * and nothing is parked: what a patient operator does after a bad hour.
     *
     * @return how many runs it took
     */
    private int settle(Set<Long> inboxIds) throws InterruptedException {
        int runs = 0;
        for (int round = 0; round < 60; round++) {
            Response run = given().post(api("/run?wait=true"));
            if (run.statusCode() == 409) {
                Thread.sleep(200);
                continue;
            }
            runs++;
            boolean pending = false;
            Set<Long> parked = new HashSet<>();
            for (long id : inboxIds) {
                JsonPath entry = given().get("/api/inbox/" + id).then().statusCode(200).extract().jsonPath();
                if ("PENDING".equals(entry.getString("status"))) {
                    pending = true;
                } else if (entry.get("record") != null) {
                    long recordId = entry.getLong("record");
                    if ("PARKED".equals(recordStatus(recordId))) {
                        parked.add(recordId);
                    }
                }
            }
            for (long recordId : parked) {
                runs++;
                while (given().post("/api/records/" + recordId + "/replay?wait=true").statusCode() == 409) {
                    Thread.sleep(200);
                }
            }
            if (!pending && parked.isEmpty()) {
                return runs;
            }
        }
        throw new AssertionError("the interleaving did not settle within 60 rounds");
    }

    private static String recordStatus(long recordId) {
        return given().get("/api/records/" + recordId).then().statusCode(200).extract().path("status");
    }

    private List<String> check(String ns, Interleaving scenario, Map<Long, Posted> accepted, Set<String> earlierRuns)
            throws MessagingException {
        List<String> violations = new ArrayList<>();
        Map<String, Set<Long>> recordsByKey = new HashMap<>();
        for (Map.Entry<Long, Posted> entry : accepted.entrySet()) {
            JsonPath inbox = given().get("/api/inbox/" + entry.getKey()).then().statusCode(200).extract().jsonPath();
            Posted posted = entry.getValue();
            String what = "inbox " + entry.getKey() + " (" + (posted.key() == null ? "no key" : posted.key()) + ")";
            if (!Set.of("DONE", "DUPLICATE").contains(inbox.getString("status")) || inbox.get("record") == null) {
                violations.add(what + " is " + inbox.getString("status") + " with record " + inbox.get("record"));
                continue;
            }
            long recordId = inbox.getLong("record");
            JsonPath record = given().get("/api/records/" + recordId).then().statusCode(200).extract().jsonPath();
            String status = record.getString("status");
            if (posted.key() == null) {
                if (!"FAILED".equals(status) || !"key".equals(record.getString("error.field"))) {
                    violations.add(what + ": a record without a key must fail with field key, is " + status + " "
                            + record.getString("error.field"));
                }
                continue;
            }
            recordsByKey.computeIfAbsent(posted.key(), k -> new HashSet<>()).add(recordId);
            if (!(ns + "-" + posted.key()).equals(record.getString("recordKey"))) {
                violations.add(what + " settled as record " + recordId + " of key " + record.getString("recordKey"));
            }
            if (posted.kind() == Kind.VALID && !"DELIVERED".equals(status)) {
                violations.add(what + ": record " + recordId + " is " + status + ", not DELIVERED");
            }
            if (posted.kind() == Kind.INVALID
                    && (!"FAILED".equals(status) || !"payerEmail".equals(record.getString("error.field")))) {
                violations.add(what + ": an invalid record must fail with field payerEmail, is " + status + " "
                        + record.getString("error.field"));
            }
        }
        recordsByKey.forEach((key, records) -> {
            if (records.size() != 1) {
                violations.add("key " + key + " has " + records.size() + " ledger records: " + records);
            }
        });

        Set<String> validKeys = new HashSet<>();
        accepted.values().stream().filter(p -> p.key() != null && p.kind() == Kind.VALID)
                .forEach(p -> validKeys.add(p.key()));
        String orderPrefix = connection + "_" + ns + "-";
        Map<String, String> orders = portmone.orders();
        for (String key : validKeys) {
            if (!orders.containsKey(orderPrefix + key)) {
                violations.add("Portmone holds no order for key " + key);
            }
        }
        long ordersOfScenario = orders.keySet().stream().filter(n -> n.startsWith(orderPrefix)).count();
        if (ordersOfScenario != validKeys.size()) {
            violations.add("Portmone holds " + ordersOfScenario + " orders for " + validKeys.size() + " valid keys");
        }

        Map<String, Integer> mails = mailsTo("@" + ns + ".example");
        for (String key : scenario.keys().keySet()) {
            int expected = validKeys.contains(key) ? 1 : 0;
            int got = mails.getOrDefault(address(ns, key), 0);
            if (got != expected) {
                violations.add(address(ns, key) + " got " + got + " e-mails, not " + expected);
            }
        }
        mails.forEach((to, count) -> {
            if (to.startsWith("nokey")) {
                violations.add(to + " (a record without a key) got " + count + " e-mails");
            }
        });

        List<Map<String, Object>> runs = given().get(api("/runs?limit=500")).then().statusCode(200).extract()
                .jsonPath().getList("$");
        int invoiced = 0;
        int delivered = 0;
        int testDelivered = 0;
        for (Map<String, Object> run : runs) {
            if (earlierRuns.contains((String) run.get("id"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> counts = (Map<String, Object>) run.get("counts");
            if (Boolean.TRUE.equals(run.get("test"))) {
                testDelivered += ((Number) counts.get("delivered")).intValue();
            } else {
                invoiced += ((Number) counts.get("invoiced")).intValue();
                delivered += ((Number) counts.get("delivered")).intValue();
            }
        }
        if (invoiced != validKeys.size() || delivered != validKeys.size()) {
            violations.add("the runs count " + invoiced + " invoices created and " + delivered + " records delivered"
                    + " for " + validKeys.size() + " valid keys");
        }
        int toTester = mails.getOrDefault("tester@" + ns + ".example", 0);
        if (toTester != testDelivered) {
            violations.add("the tester got " + toTester + " e-mails; test runs delivered " + testDelivered);
        }
        return violations;
    }

    private Map<String, Integer> mailsTo(String domain) throws MessagingException {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : mail.received()) {
            for (Address to : message.getAllRecipients()) {
                String address = to.toString().toLowerCase(Locale.ROOT);
                if (address.endsWith(domain)) {
                    counts.merge(address, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** The ids of the connection's runs so far: a scenario counts only the runs it caused. */
    private List<String> runIds() {
        return given().get(api("/runs?limit=500")).then().statusCode(200).extract().jsonPath().getList("id", String.class);
    }

    private String api(String path) {
        return "/api/connections/" + connection + path;
    }
}
