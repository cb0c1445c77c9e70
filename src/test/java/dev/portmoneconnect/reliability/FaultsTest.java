package dev.portmoneconnect.reliability;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.TestSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults without crashes: a Portmone that fails 30% of calls (server errors, and answers that come
 * after the client gave up although the order was created), and a mail server that is down for part
 * of a run. The end state must be the same as without faults: one order per record at Portmone,
 * every record delivered, and not one duplicate e-mail.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(30)
class FaultsTest {

    static final int RECORDS = 60;

    FakePortmone portmone;
    GreenMail mail;

    @AfterEach
    void heal() {
        portmone.failRandomly(0, 0);
        if (!mail.isRunning()) {
            restartMail();
        }
    }

    @Test
    void portmoneFailingThirtyPercentStillGivesOneOrderPerRecordAndOneEmailEach() {
        portmone.failRandomly(0.3, 700);
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            orders.add(Api.order("PF-" + i, "Payer " + i, "pf" + i + "@example.com", 10 + i));
        }
        Api.post("flaky-orders", orders);

        JsonPath run = Api.run("flaky-orders");
        int replays = settle(run);
        System.out.printf("Portmone faults: %d requests for %d records, %d replays%n",
                portmone.requests().stream().filter(r -> shopOrder(r).startsWith("flaky-orders_PF-")).count(),
                RECORDS, replays);

        for (int i = 0; i < RECORDS; i++) {
            assertThat(portmone.orders()).containsKey("flaky-orders_PF-" + i);
        }
        assertThat(portmone.orders().keySet().stream().filter(k -> k.startsWith("flaky-orders_PF-"))).hasSize(RECORDS);
        Map<String, Integer> mails = mailsByRecipient("pf");
        assertThat(mails).hasSize(RECORDS);
        assertThat(mails.values()).allMatch(n -> n == 1);
    }

    @Test
    void smtpDownForPartOfARunStillDeliversEveryRecordOnce() throws Exception {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(Api.order("SD-" + i, "Payer " + i, "sd" + i + "@example.com", 5 + i));
        }
        Api.post("flaky-orders", orders);
        mail.stop();
        String runId = given().post("/api/connections/flaky-orders/run").then().statusCode(202)
                .extract().path("runId");
        Thread.sleep(300);
        restartMail();
        JsonPath run = awaitRun(runId);
        int replays = settle(run);
        System.out.printf("SMTP outage: first run delivered %d, parked %d; %d replays%n",
                run.getInt("run.counts.delivered"), run.getInt("run.counts.failed"), replays);

        Map<String, Integer> mails = mailsByRecipient("sd");
        assertThat(mails).hasSize(20);
        assertThat(mails.values()).allMatch(n -> n == 1);
        for (int i = 0; i < 20; i++) {
            assertThat(portmone.requestsFor("flaky-orders_SD-" + i)).hasSize(1);
        }
    }

    /** A restarted GreenMail forgets its users: the app's SMTP login must work again. */
    private void restartMail() {
        mail.start();
        mail.setUser("mailer", TestSecrets.SMTP_PASSWORD);
    }

    /** Replays what the run left failed until nothing is left; returns how many replays it took. */
    private static int settle(JsonPath run) {
        String runId = run.getString("id") != null ? run.getString("id") : run.getString("run.id");
        int replays = 0;
        while (failed(runId) > 0) {
            assertThat(replays).as("replays needed").isLessThan(20);
            runId = given().post("/api/runs/" + runId + "/replay-failed?wait=true").then().statusCode(200)
                    .extract().path("id");
            replays++;
        }
        return replays;
    }

    private static int failed(String runId) {
        return Api.runDetail(runId).getInt("run.counts.failed");
    }

    private static JsonPath awaitRun(String runId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonPath detail = Api.runDetail(runId);
            if (!"RUNNING".equals(detail.getString("run.status"))) {
                return detail;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not end");
    }

    private Map<String, Integer> mailsByRecipient(String prefix) {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                for (Address to : message.getAllRecipients()) {
                    if (to.toString().startsWith(prefix)) {
                        counts.merge(to.toString(), 1, Integer::sum);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    private static String shopOrder(com.fasterxml.jackson.databind.JsonNode request) {
        return request.path("order").path("shopOrderNumber").asText();
    }
}
