package dev.portmoneconnect.source.rest;

import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakeOrdersApi;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.TestSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example REST API connection (routes/api-orders.camel.yaml) against a fake shop API: orders
 * since the cursor, page by page, the key in its header, 429 and 5xx answers waited out.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
class ApiOrdersFlowTest {

    FakePortmone portmone;
    FakeOrdersApi api;

    @Inject
    Jdbc jdbc;

    @BeforeEach
    void reset() {
        portmone.reset();
        api.reset();
        jdbc.update("DELETE FROM source_cursor WHERE connection_id = ?", "api-orders");
    }

    @Test
    void ordersSinceTheCursorAreInvoicedOnceWithBusyAndFailingAnswersWaitedOut() {
        long first = api.addOrder("Іван Петренко", "ivan@example.com", "1250.50");
        long bad = api.addOrder("Broken", "broken@example.com", "abc");
        long third = api.addOrder("Olena Koval", "olena@example.com", "300");

        JsonPath run = Api.run("api-orders");
        assertThat(run.getString("status")).isEqualTo("PARTIAL");
        assertThat(run.getInt("counts.delivered")).isEqualTo(2);
        assertThat(run.getInt("counts.failed")).isEqualTo(1);
        assertThat(portmone.orders()).containsOnlyKeys("api-orders_" + first, "api-orders_" + third);
        assertThat(portmone.requestsFor("api-orders_" + first).get(0).path("order").path("description").asText())
                .isEqualTo("Замовлення WEB-" + first);
        assertThat(api.requests()).hasSize(1);
        FakeOrdersApi.Request call = api.requests().get(0);
        assertThat(call.key()).isEqualTo(TestSecrets.ORDERS_API_KEY);
        assertThat(call.query()).containsExactly(Map.entry("status", "pending"), Map.entry("page", "1"),
                Map.entry("per_page", "50"));
        Map<String, Object> failed = Api.runDetail(run.getString("id")).getList("records", Map.class).stream()
                .map(r -> (Map<String, Object>) r).filter(r -> String.valueOf(bad).equals(r.get("recordKey")))
                .findFirst().orElseThrow();
        assertThat(failed).containsEntry("field", "amount").containsEntry("sourceId", "rest-poll:" + bad);

        // the next run asks only for orders after the last one; two 429s and a 503 are waited out
        long fourth = api.addOrder("Marta", "marta@example.com", "42");
        api.tooManyRequests(2);
        api.failNext(1);
        int before = api.requests().size();
        JsonPath second = Api.run("api-orders");
        assertThat(second.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(second.getInt("counts.delivered")).isEqualTo(1);
        assertThat(portmone.orders()).containsKey("api-orders_" + fourth).hasSize(3);
        List<FakeOrdersApi.Request> calls = api.requests().subList(before, api.requests().size());
        assertThat(calls).hasSize(4);
        assertThat(calls).allSatisfy(c -> assertThat(c.query()).containsEntry("since_id", String.valueOf(third)));

        // an API that keeps failing ends the run with the reason; nothing is lost, the cursor stays
        long fifth = api.addOrder("Petro", "petro@example.com", "7");
        api.failNext(100);
        JsonPath down = Api.run("api-orders");
        assertThat(down.getString("status")).isEqualTo("FAILED");
        assertThat(down.getString("error")).contains("kept failing").contains("HTTP 503");
        assertThat(portmone.orders()).doesNotContainKey("api-orders_" + fifth);
        api.failNext(0);

        JsonPath preview = given().post("/api/connections/api-orders/preview").then().statusCode(200)
                .extract().jsonPath();
        assertThat(preview.getString("source")).isEqualTo("rest-poll");
        assertThat(preview.getList("records.recordKey")).containsExactly(String.valueOf(fifth));
        assertThat(preview.getString("records[0].invoice.payerEmail")).isEqualTo("petro@example.com");

        JsonPath after = Api.run("api-orders");
        assertThat(after.getInt("counts.delivered")).isEqualTo(1);
        assertThat(api.requests().get(api.requests().size() - 1).query()).containsEntry("since_id",
                String.valueOf(fourth));
    }

    @Test
    void aParkedOrderBehindTheCursorIsReplayedFromItsOwnUrl() {
        long id = api.addOrder("Ivan", "ivan@example.com", "15");
        portmone.failNext(100);
        JsonPath run = Api.run("api-orders");
        assertThat(run.getInt("counts.failed")).isEqualTo(1);
        api.addOrder("Next", "next@example.com", "1");

        portmone.failNext(0);
        JsonPath replay = given().post("/api/runs/" + run.getString("id") + "/replay-failed?wait=true")
                .then().statusCode(200).extract().jsonPath();
        assertThat(replay.getInt("counts.delivered")).isEqualTo(2);
        assertThat(portmone.orders()).containsKey("api-orders_" + id);
        assertThat(api.requests()).anySatisfy(r -> assertThat(r.key()).isEqualTo(TestSecrets.ORDERS_API_KEY));
    }

    @Test
    void withoutACursorEveryPageIsReadAndDeliveredOrdersAreLeftOut() {
        for (int i = 1; i <= 5; i++) {
            api.addOrder("Payer " + i, "payer" + i + "@example.com", 10 * i);
        }
        JsonPath run = Api.run("test-api-pages");
        assertThat(run.getInt("counts.delivered")).isEqualTo(5);
        assertThat(api.requests()).extracting(r -> r.query().get("page")).containsExactly("1", "2", "3");

        api.addOrder("Payer 6", "payer6@example.com", 60);
        JsonPath again = Api.run("test-api-pages");
        assertThat(again.getInt("counts.records")).isEqualTo(1);
        assertThat(again.getInt("counts.delivered")).isEqualTo(1);
        assertThat(portmone.requests()).hasSize(6);
    }
}
