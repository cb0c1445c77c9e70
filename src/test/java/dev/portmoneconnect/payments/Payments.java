package dev.portmoneconnect.payments;

import dev.portmoneconnect.support.Api;
import io.restassured.path.json.JsonPath;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/** What the payment tests share: make an invoice through a connection, read a record, ask for a poll. */
final class Payments {

    private Payments() {
    }

    static Map<String, Object> order(String id, String name, String email, Object amount) {
        Map<String, Object> order = new HashMap<>(Api.order(id, name, email, amount));
        order.put("phone", "380501234567");
        return order;
    }

    /** Posts the orders to the connection's webhook, runs it, and answers each order's ledger record id by order id. */
    static Map<String, Long> invoice(String connection, List<Map<String, Object>> orders) {
        Api.post(connection, orders);
        JsonPath run = Api.run(connection);
        JsonPath detail = Api.runDetail(run.getString("id"));
        Map<String, Long> ids = new HashMap<>();
        List<Map<String, Object>> records = detail.getList("records");
        for (Map<String, Object> record : records) {
            if ("DELIVERED".equals(record.get("outcome"))) {
                ids.put(String.valueOf(record.get("recordKey")), ((Number) record.get("recordId")).longValue());
            }
        }
        return ids;
    }

    static JsonPath record(long id) {
        return given().get("/api/records/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Polls one account and waits for it. */
    static JsonPath poll(String account) {
        return given().post("/api/payments/poll?wait=true&account=" + account).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Waits until the record's payment matches, reading it every 100 ms. */
    static JsonPath awaitPayment(long id, Predicate<JsonPath> matches, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        JsonPath record = record(id);
        while (!matches.test(record)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("record " + id + " did not get there in time: " + record.prettify());
            }
            Thread.sleep(100);
            record = record(id);
        }
        return record;
    }
}
