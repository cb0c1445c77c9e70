package dev.portmoneconnect.ledger;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claims behind "each order once", one situation at a time: an order posted four times in one
 * post, records without a key among good ones, and a run that went silent in the middle of its
 * records while another took the connection over.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
class RecordClaimsTest {

    @Inject
    DataSource dataSource;

    FakePortmone portmone;
    GreenMail mail;

    @Test
    void anOrderPostedFourTimesInOnePostIsInvoicedAndSentOnceAndItsCopiesAreDuplicates() {
        Map<String, Object> order = Map.of("order_id", "DBL-1", "name", "Double Click", "email", "dbl1@claims.example",
                "amount", "20.00");
        List<Integer> ids = Api.post("exactly-once", List.of(order, order, order, order));

        JsonPath run = Api.run("exactly-once");

        assertThat(run.getInt("counts.invoiced")).isEqualTo(1);
        assertThat(run.getInt("counts.delivered")).isEqualTo(1);
        assertThat(run.getInt("counts.skipped")).isEqualTo(3);
        assertThat(portmone.requestsFor("exactly-once_DBL-1")).hasSize(1);
        assertThat(mailsTo("dbl1@claims.example")).isEqualTo(1);
        List<String> statuses = new ArrayList<>();
        Long recordId = null;
        for (int id : ids) {
            JsonPath entry = given().get("/api/inbox/" + id).then().statusCode(200).extract().jsonPath();
            statuses.add(entry.getString("status"));
            recordId = recordId == null ? entry.getLong("record") : recordId;
            assertThat(entry.getLong("record")).isEqualTo(recordId);
        }
        assertThat(statuses).containsExactlyInAnyOrder("DONE", "DUPLICATE", "DUPLICATE", "DUPLICATE");
        JsonPath detail = Api.runDetail(run.getString("id"));
        assertThat(detail.getList("records")).hasSize(4);
        assertThat(detail.getList("records.code")).containsOnly(null, "DUPLICATE");
    }

    @Test
    void recordsWithoutAKeyFailWithTheirFieldAndTheRunGoesOn() throws Exception {
        List<Map<String, Object>> posted = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<String, Object> keyless = new LinkedHashMap<>();
            keyless.put("name", "No Key " + i);
            keyless.put("email", "nokey" + i + "@claims.example");
            keyless.put("amount", "10.00");
            if (i % 3 == 1) {
                keyless.put("order_id", i % 2 == 0 ? " " : Map.of("nested", i));
            }
            posted.add(keyless);
        }
        posted.add(Map.of("order_id", "AFTER-KEYLESS", "name", "Good Order", "email", "good@claims.example",
                "amount", "30.00"));
        List<Integer> ids = Api.post("exactly-once", posted);
        Path log = Path.of(FakesResource.LOG_FILE);
        long linesBefore = Files.lines(log).count();

        JsonPath run = Api.run("exactly-once");

        assertThat(run.getString("status")).isEqualTo("PARTIAL");
        assertThat(run.getInt("counts.failed")).isEqualTo(200);
        assertThat(run.getInt("counts.delivered")).isEqualTo(1);
        assertThat(mailsTo("good@claims.example")).isEqualTo(1);
        long linesWritten = Files.lines(log).count() - linesBefore;
        assertThat(linesWritten).as("log lines written by a run of 201 records").isLessThan(201);
        for (int i = 0; i < 200; i++) {
            JsonPath entry = given().get("/api/inbox/" + ids.get(i)).then().statusCode(200).extract().jsonPath();
            assertThat(entry.getString("status")).isEqualTo("DONE");
            JsonPath record = given().get("/api/records/" + entry.getLong("record")).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(record.getString("status")).isEqualTo("FAILED");
            assertThat(record.getString("error.field")).isEqualTo("key");
            assertThat(record.getString("error.message")).isIn("key: is required", "key: is a list or an object, not text");
        }
        assertThat(Api.run("exactly-once").getInt("counts.records")).isZero();
    }

    @Test
    void aRunTakenOverWhileSilentSendsNothingMoreForTheRecordsItHadInHand() throws Exception {
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            orders.add(Map.of("order_id", "TKO-" + i, "name", "Payer " + i, "email", "tko" + i + "@claims.example",
                    "amount", i + "0.00"));
        }
        Api.post("takeover-orders", orders);
        portmone.delayNext(4, 1500);
        String silent = given().post("/api/connections/takeover-orders/run").then().statusCode(202).extract()
                .path("runId");
        awaitRequests(4);

        // Seen from another instance after the silent run's lease ran out: it takes the connection over.
        Duration lease = Duration.ofSeconds(60);
        Clock later = Clock.fixed(Instant.now().plus(lease).plusSeconds(5), ZoneOffset.UTC);
        InstanceWiring elsewhere = new InstanceWiring(dataSource, later, lease);
        assertThat(elsewhere.leases.acquire("takeover-orders", "run-elsewhere", lease)).isEmpty();
        elsewhere.leases.release("takeover-orders", "run-elsewhere");
        JsonPath survivor = Api.run("takeover-orders");
        assertThat(survivor.getInt("counts.delivered")).isEqualTo(4);

        Thread.sleep(2500);
        JsonPath silentRun = Api.runDetail(silent);
        assertThat(silentRun.getString("run.status")).isEqualTo("ABANDONED");
        assertThat(silentRun.getList("records.code")).containsOnly("TAKEN_OVER");
        for (int i = 1; i <= 4; i++) {
            assertThat(mailsTo("tko" + i + "@claims.example")).as("e-mails to payer %d", i).isEqualTo(1);
            assertThat(portmone.orders()).containsKey("takeover-orders_TKO-" + i);
        }
    }

    private void awaitRequests(int n) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (portmone.requests().stream()
                    .filter(r -> r.path("order").path("shopOrderNumber").asText().startsWith("takeover-orders_TKO-"))
                    .count() >= n) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not reach Portmone");
    }

    private int mailsTo(String address) {
        Map<String, Integer> counts = new HashMap<>();
        try {
            for (MimeMessage message : mail.getReceivedMessages()) {
                for (Address to : message.getAllRecipients()) {
                    counts.merge(to.toString(), 1, Integer::sum);
                }
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        return counts.getOrDefault(address, 0);
    }
}
