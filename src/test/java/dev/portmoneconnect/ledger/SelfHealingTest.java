package dev.portmoneconnect.ledger;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.TestSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record parked by a mail server that stayed down longer than a run's retries is tried again by
 * later runs on their own, with growing intervals, until it is delivered; past its bound it waits
 * for an operator, and the connection, the metric and the readiness check all count it. Time passing
 * is played by moving the stored times back.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
class SelfHealingTest {

    @Inject
    Jdbc jdbc;

    GreenMail mail;

    @Test
    void parkedRecordsAreTriedAgainByLaterRunsAndCountedOnceTheyNeedAnOperator() throws Exception {
        Api.post("healing-orders", List.of(Api.order("SH-1", "Payer One", "sh1@healing.example", "10.00")));
        mail.stop();
        JsonPath first = Api.run("healing-orders");
        assertThat(first.getString("status")).isEqualTo("PARTIAL");
        assertThat(attention("healing-orders")).containsEntry("needed", 0).containsEntry("retrying", 1);

        restartMail();
        assertThat(Api.run("healing-orders").getInt("counts.records")).as("not yet due").isZero();
        passed("SH-1", Duration.ofMinutes(6));
        JsonPath second = Api.run("healing-orders");
        assertThat(second.getInt("counts.delivered")).as("delivered by a later run, nobody replaying it").isEqualTo(1);
        assertThat(java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals("sh1@healing.example");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).hasSize(1);
        assertThat(attention("healing-orders")).containsEntry("needed", 0).containsEntry("retrying", 0);

        Api.post("healing-orders", List.of(Api.order("SH-2", "Payer Two", "sh2@healing.example", "20.00")));
        mail.stop();
        try {
            Api.run("healing-orders");
            passed("SH-2", Duration.ofMinutes(6));
            assertThat(Api.run("healing-orders").getInt("counts.failed")).as("tried again, still parked").isEqualTo(1);
            assertThat(attention("healing-orders")).containsEntry("needed", 0).containsEntry("retrying", 1);
            passed("SH-2", Duration.ofHours(25));
            Api.run("healing-orders");
        } finally {
            restartMail();
        }
        Map<String, Object> waiting = attention("healing-orders");
        assertThat(waiting).containsEntry("needed", 1).containsEntry("retrying", 0);
        assertThat(waiting.get("since")).isNotNull();
        assertThat(Api.run("healing-orders").getInt("counts.records")).as("past its bound, only an operator replays it")
                .isZero();

        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> checks = ready.getList("checks");
        assertThat(checks).anySatisfy(check -> {
            assertThat(check).containsEntry("name", "records-attention").containsEntry("status", "UP");
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) check.get("data");
            assertThat(data).containsEntry("healing-orders", 1);
        });
        String overview = given().header("Accept-Language", "uk").get("/").then().statusCode(200).extract().asString();
        assertThat(overview).contains("data-connection=\"healing-orders\"").contains("data-needed=\"1\"")
                .contains("Потребують уваги").contains("data-attention=");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("portmone_connect_records_attention{connection=\"healing-orders\"} 1.0");
    }

    /** Plays time passing for a parked record: its stored times move back by {@code by}. */
    private void passed(String key, Duration by) {
        jdbc.list("SELECT parked_since, next_retry_at FROM ledger_record WHERE connection_id = 'healing-orders'"
                        + " AND record_key = ?", rs -> new Instant[] {Jdbc.instant(rs, "parked_since"),
                        Jdbc.instant(rs, "next_retry_at")}, key)
                .forEach(times -> jdbc.update("UPDATE ledger_record SET parked_since = ?, next_retry_at = ?"
                                + " WHERE connection_id = 'healing-orders' AND record_key = ?",
                        times[0] == null ? null : times[0].minus(by), times[1] == null ? null : times[1].minus(by),
                        key));
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
