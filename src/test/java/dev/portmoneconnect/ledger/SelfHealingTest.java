package dev.portmoneconnect.ledger;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.TestSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record parked by a mail server that stayed down longer than a run's retries is tried again by
 * later runs on their own, with growing intervals, until it is delivered; past its bound it waits
 * for an operator, and the connection, the metric and the readiness check all count it. Here the
 * intervals are seconds instead of minutes.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@TestProfile(SelfHealingTest.Quick.class)
class SelfHealingTest {

    public static class Quick implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("connect.self-healing.first-delay", "1s", "connect.self-healing.max-delay", "2s",
                    "connect.self-healing.retry-for", "5s");
        }
    }

    GreenMail mail;

    @Test
    void parkedRecordsAreTriedAgainByLaterRunsAndCountedOnceTheyNeedAnOperator() throws Exception {
        Api.post("flaky-orders", List.of(Api.order("SH-1", "Payer One", "sh1@healing.example", "10.00")));
        mail.stop();
        JsonPath first = Api.run("flaky-orders");
        assertThat(first.getString("status")).isEqualTo("PARTIAL");
        assertThat(attention("flaky-orders")).containsEntry("needed", 0).containsEntry("retrying", 1);

        restartMail();
        Thread.sleep(1200);
        JsonPath second = Api.run("flaky-orders");
        assertThat(second.getInt("counts.delivered")).as("delivered by a later run, nobody replaying it").isEqualTo(1);
        assertThat(java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals("sh1@healing.example");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).hasSize(1);
        assertThat(attention("flaky-orders")).containsEntry("needed", 0).containsEntry("retrying", 0);

        Api.post("flaky-orders", List.of(Api.order("SH-2", "Payer Two", "sh2@healing.example", "20.00")));
        mail.stop();
        try {
            Api.run("flaky-orders");
            long until = System.currentTimeMillis() + 8000;
            while (System.currentTimeMillis() < until && ((Integer) attention("flaky-orders").get("needed")) == 0) {
                Thread.sleep(700);
                Api.run("flaky-orders");
            }
        } finally {
            restartMail();
        }
        Map<String, Object> waiting = attention("flaky-orders");
        assertThat(waiting).containsEntry("needed", 1).containsEntry("retrying", 0);
        assertThat(waiting.get("since")).isNotNull();
        Thread.sleep(1500);
        assertThat(Api.run("flaky-orders").getInt("counts.records")).as("past its bound, only an operator replays it")
                .isZero();

        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> checks = ready.getList("checks");
        assertThat(checks).anySatisfy(check -> {
            assertThat(check).containsEntry("name", "records-attention").containsEntry("status", "UP");
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) check.get("data");
            assertThat(data).containsEntry("flaky-orders", 1);
        });
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("portmone_connect_records_attention{connection=\"flaky-orders\"} 1.0");
    }

    private static Map<String, Object> attention(String connection) {
        JsonPath view = Api.connection(connection);
        Map<String, Object> attention = new java.util.HashMap<>();
        attention.put("needed", view.getInt("attention.needed"));
        attention.put("retrying", view.getInt("attention.retrying"));
        attention.put("since", view.getString("attention.since"));
        return attention;
    }

    private void restartMail() {
        mail.start();
        mail.setUser("mailer", TestSecrets.SMTP_PASSWORD);
    }
}
