package dev.portmoneconnect.reliability;

import dev.portmoneconnect.reliability.Interleaving.Kind;
import dev.portmoneconnect.reliability.Interleaving.Posted;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.QuickGreenMail;
import dev.portmoneconnect.support.TestSecrets;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

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

        /** GreenMail, going down cleanly and keeping what it received, with the app's SMTP login set again each time it starts. */
        static MailServer of(QuickGreenMail mail) {
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
                    try {
                        mail.stopAfterSessions();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public void start() {
                    mail.start();
                    mail.setUser("mailer", TestSecrets.SMTP_PASSWORD);
                }
            };
        }
    }

    /** Several instances of the app on one database: where each is, and how one is frozen and woken. */
    interface Instances {
        List<String> urls();

        /** Stops the instance's process dead (SIGSTOP), as a long pause or a suspended machine would. */
        void freeze(int instance);

        /** Lets it go on (SIGCONT). */
        void thaw(int instance);

        /** How long a frozen instance's run keeps its connection. */
        java.time.Duration lease();
    }

    /** Records a run handles at once (the records pool). */
    static final int RECORDS_AT_ONCE = 4;

    private final String connection;
    private final FakePortmone portmone;
    private final MailServer mail;
    private final Instances instances;
    private SplittableRandom choices;
    private String current;

    InterleavingRunner(String connection, FakePortmone portmone, MailServer mail) {
        this(connection, portmone, mail, null);
    }

    /** @param instances several instances to spread the steps over; null for the one RestAssured points at */
    InterleavingRunner(String connection, FakePortmone portmone, MailServer mail, Instances instances) {
        this.connection = connection;
        this.portmone = portmone;
        this.mail = mail;
        this.instances = instances;
    }

    /** A request to the instance the current step goes to. */
    private RequestSpecification request() {
        return current == null ? RestAssured.given() : RestAssured.given().baseUri(current);
    }

    private String pick() {
        List<String> urls = instances.urls();
        return urls.get(choices.nextInt(urls.size()));
    }

    /** What one interleaving came to: the broken promises (none when all held) and some figures. */
    record Outcome(Interleaving scenario, List<String> violations, int posted, int runs, int testSends, long millis) {
    }

    Outcome play(Interleaving scenario) throws Exception {
        long began = System.nanoTime();
        current = instances == null ? null : instances.urls().get(0);
        Set<String> earlierRuns = new HashSet<>(runIds());
        String ns = "c" + scenario.seed() + "x" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);
        Map<Long, Posted> accepted = new LinkedHashMap<>();
        int testSends = 0;
        choices = new SplittableRandom(scenario.seed() * 31 + 7);
        try {
            for (Interleaving.Step step : scenario.steps()) {
                current = instances == null ? null : pick();
                testSends += play(ns, step, scenario, accepted);
            }
        } finally {
            portmone.failRandomly(0, 0);
            if (!mail.isRunning()) {
                mail.start();
            }
            current = instances == null ? null : instances.urls().get(0);
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
                    .map(p -> {
                        String to = instances == null ? null : pick();
                        return CompletableFuture.supplyAsync(() -> post(ns, p, to));
                    }).toList();
            for (CompletableFuture<Map<Long, Posted>> answer : sent) {
                accepted.putAll(answer.get());
            }
        } else if (step instanceof Interleaving.Run) {
            request().post(api("/run")).then().statusCode(oneOf(202, 409));
        } else if (step instanceof Interleaving.RunAndWait) {
            request().post(api("/run?wait=true")).then().statusCode(oneOf(200, 409));
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
        } else if (step instanceof Interleaving.Freeze freeze && instances != null) {
            freezeInARun(freeze.instance());
        }
        return 0;
    }

    /**
     * One instance starts a run and freezes in it past its lease, its records waiting for Portmone's
     * answers; another takes the connection over and runs it; then the frozen one wakes up, gets its
     * answers, and must send nothing more: the fence before delivery stops it. (A freeze in the middle
     * of handing a message to the mail server is the one window the fence cannot close, like a kill
     * between the server's acceptance and the ledger write: it is not generated.)
     */
    private void freezeInARun(int frozen) throws InterruptedException {
        List<String> urls = instances.urls();
        String sleeper = urls.get(frozen);
        String other = urls.get((frozen + 1) % urls.size());
        long frozenFor = instances.lease().toMillis() + 1500;
        portmone.delayNext(RECORDS_AT_ONCE, frozenFor + 1000);
        if (RestAssured.given().baseUri(sleeper).post(api("/run")).statusCode() != 202) {
            portmone.delayNext(0, 0);
            return;
        }
        Thread.sleep(150);
        instances.freeze(frozen);
        try {
            Thread.sleep(frozenFor);
            long until = System.currentTimeMillis() + 20_000;
            while (RestAssured.given().baseUri(other).post(api("/run?wait=true")).statusCode() == 409
                    && System.currentTimeMillis() < until) {
                Thread.sleep(500);
            }
        } finally {
            instances.thaw(frozen);
        }
    }

    private Map<Long, Posted> post(String ns, Interleaving.Post post) {
        return post(ns, post, current);
    }

    private Map<Long, Posted> post(String ns, Interleaving.Post post, String to) {
        List<Map<String, Object>> body = post.records().stream().map(r -> record(ns, r)).toList();
        RequestSpecification request = to == null ? RestAssured.given() : RestAssured.given().baseUri(to);
        List<Long> ids = request.contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN)
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
        List<String> runIds = request().get(api("/runs?limit=5")).then().statusCode(200).extract().jsonPath()
                .getList("id", String.class);
        for (String runId : runIds) {
            JsonPath detail = request().get("/api/runs/" + runId).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> records = detail.getList("records");
            for (Map<String, Object> record : records) {
                Object status = record.get("status");
                if (("FAILED".equals(status) || "PARKED".equals(status)) && record.get("recordId") != null) {
                    failed.add(((Number) record.get("recordId")).longValue());
                }
            }
        }
        if (!failed.isEmpty()) {
            request().post("/api/records/" + failed.get(pick % failed.size()) + "/replay").then()
                    .statusCode(oneOf(202, 409));
        }
    }

    /** @return 1 when a test send started */
    private int testSend(String ns, String key, Map<String, Kind> keys) {
        Map<String, Object> sample = record(ns, new Posted(key, keys.get(key), 0));
        Response answer = request().contentType(ContentType.JSON)
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
            Response run = request().post(api("/run?wait=true"));
            if (run.statusCode() == 409) {
                Thread.sleep(200);
                continue;
            }
            runs++;
            boolean pending = false;
            Set<Long> parked = new HashSet<>();
            for (long id : inboxIds) {
                JsonPath entry = request().get("/api/inbox/" + id).then().statusCode(200).extract().jsonPath();
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
                while (request().post("/api/records/" + recordId + "/replay?wait=true").statusCode() == 409) {
                    Thread.sleep(200);
                }
            }
            if (!pending && parked.isEmpty()) {
                return runs;
            }
        }
        throw new AssertionError("the interleaving did not settle within 60 rounds");
    }

    private String recordStatus(long recordId) {
        return request().get("/api/records/" + recordId).then().statusCode(200).extract().path("status");
    }

    private List<String> check(String ns, Interleaving scenario, Map<Long, Posted> accepted, Set<String> earlierRuns)
            throws MessagingException {
        List<String> violations = new ArrayList<>();
        Map<String, Set<Long>> recordsByKey = new HashMap<>();
        for (Map.Entry<Long, Posted> entry : accepted.entrySet()) {
            JsonPath inbox = request().get("/api/inbox/" + entry.getKey()).then().statusCode(200).extract().jsonPath();
            Posted posted = entry.getValue();
            String what = "inbox " + entry.getKey() + " (" + (posted.key() == null ? "no key" : posted.key()) + ")";
            if (!Set.of("DONE", "DUPLICATE").contains(inbox.getString("status")) || inbox.get("record") == null) {
                violations.add(what + " is " + inbox.getString("status") + " with record " + inbox.get("record"));
                continue;
            }
            long recordId = inbox.getLong("record");
            JsonPath record = request().get("/api/records/" + recordId).then().statusCode(200).extract().jsonPath();
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

        List<Map<String, Object>> runs = request().get(api("/runs?limit=500")).then().statusCode(200).extract()
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
        return request().get(api("/runs?limit=500")).then().statusCode(200).extract().jsonPath().getList("id", String.class);
    }

    private String api(String path) {
        return "/api/connections/" + connection + path;
    }
}
