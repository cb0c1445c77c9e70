package dev.portmoneconnect.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.TestSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The example connection end to end: form post → inbox → run → signed Portmone call → e-mail → ledger. */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(10)
class LandingOrdersFlowTest {

    FakePortmone portmone;
    GreenMail mail;

    @BeforeEach
    void clean() throws Exception {
        // The example connection fires every 15 minutes; switched off, only these tests run it.
        Api.setEnabled("landing-orders", false);
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void formPostBecomesSignedInvoiceAndEmailWithTheLink() throws Exception {
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("order_id", "LP-1001")
                .formParam("name", "Іван Петренко")
                .formParam("email", "ivan@example.com")
                .formParam("phone", "+380 50 123 45 67")
                .formParam("amount", "1 250,50")
                .queryParam("token", TestSecrets.WEBHOOK_TOKEN)
                .when().post("/hooks/landing-orders")
                .then().statusCode(202);

        JsonPath run = Api.run("landing-orders");
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("counts.invoiced")).isEqualTo(1);
        assertThat(run.getInt("counts.delivered")).isEqualTo(1);

        assertThat(portmone.problems()).isEmpty();
        List<JsonNode> requests = portmone.requestsFor("landing-orders_LP-1001");
        assertThat(requests).hasSize(1);
        JsonNode order = requests.get(0).path("order");
        assertThat(order.path("billAmount").asText()).isEqualTo("1250.50");
        assertThat(order.path("billCurrency").asText()).isEqualTo("UAH");
        assertThat(order.path("attribute1").asText()).isEqualTo("Іван Петренко");
        assertThat(order.path("attribute2").asText()).isEqualTo("380501234567");
        assertThat(order.path("attribute3").asText()).isEqualTo("ivan@example.com");
        assertThat(order.path("description").asText()).isEqualTo("Замовлення LP-1001");
        String link = portmone.orders().get("landing-orders_LP-1001");

        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ivan@example.com");
        assertThat(message.getSubject()).contains("1 250,50 грн");
        assertThat((String) message.getContent()).contains(link).contains("Іван Петренко");
        assertThat(message.getFrom()[0].toString()).isEqualTo("invoices@shop.example");
        assertThat(message.getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat(message.getSentDate()).isCloseTo(new java.util.Date(), 60_000);

        JsonPath detail = Api.runDetail(run.getString("id"));
        assertThat(detail.getString("records[0].outcome")).isEqualTo("DELIVERED");
        assertThat(detail.getString("records[0].paymentLink")).isEqualTo(link);
        assertThat(detail.getString("records[0].portmoneRequest")).contains("\"signature\"");
        assertThat(detail.getString("records[0].deliveryPreview")).contains("To: ivan@example.com");
    }

    @Test
    void theSameOrderPostedTwiceIsInvoicedAndMailedOnce() throws Exception {
        Map<String, Object> order = Api.order("DUP-1", "Olena Koval", "olena@example.com", 300);
        Api.post("test-orders", order);
        JsonPath first = Api.run("test-orders");
        assertThat(first.getInt("counts.delivered")).isEqualTo(1);

        Api.post("test-orders", order);
        Api.post("test-orders", List.of(order, order));
        JsonPath second = Api.run("test-orders");
        assertThat(second.getInt("counts.delivered")).isZero();
        assertThat(second.getInt("counts.skipped")).isEqualTo(3);

        assertThat(portmone.requestsFor("test-orders_DUP-1")).hasSize(1);
        assertThat(mail.waitForIncomingEmail(2000, 2)).isFalse();
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void badRecordsFailWithTheFieldNamedWhileTheOthersAreInvoiced() {
        Api.post("test-orders", List.of(
                Api.order("GOOD-1", "Taras Shevchenko", "taras@example.com", "100"),
                Map.of("id", "NOMAIL-1", "name", "Lesia", "amount", "50"),
                Api.order("ABC-1", "Marko Vovchok", "marko@example.com", "abc"),
                Api.order("GOOD-2", "Ivan Franko", "franko@example.com", 75.5)));
        JsonPath run = Api.run("test-orders");
        assertThat(run.getString("status")).isEqualTo("PARTIAL");
        assertThat(run.getInt("counts.delivered")).isEqualTo(2);
        assertThat(run.getInt("counts.failed")).isEqualTo(2);

        JsonPath detail = Api.runDetail(run.getString("id"));
        Map<String, Map<String, Object>> byKey = byKey(detail);
        assertThat(byKey.get("NOMAIL-1")).containsEntry("outcome", "FAILED").containsEntry("field", "payerEmail");
        assertThat((String) byKey.get("NOMAIL-1").get("message")).contains("payerEmail").contains("required");
        assertThat(byKey.get("ABC-1")).containsEntry("outcome", "FAILED").containsEntry("field", "amount");
        assertThat((String) byKey.get("ABC-1").get("message")).contains("'abc'");
        assertThat(byKey.get("GOOD-1")).containsEntry("outcome", "DELIVERED");
        assertThat(byKey.get("GOOD-2")).containsEntry("outcome", "DELIVERED");
        assertThat(portmone.requestsFor("test-orders_GOOD-2").get(0).path("order").path("billAmount").asText())
                .isEqualTo("75.50");
    }

    @Test
    void aPortmoneErrorCodeIsRecordedOnItsRecordAndTheRunGoesOn() {
        portmone.rejectOrdersEndingWith("REJ-1", "7", "Payee is blocked");
        Api.post("test-orders", List.of(
                Api.order("REJ-1", "Petro", "petro@example.com", 10),
                Api.order("OK-7", "Pavlo", "pavlo@example.com", 20)));
        JsonPath run = Api.run("test-orders");
        Map<String, Map<String, Object>> byKey = byKey(Api.runDetail(run.getString("id")));
        assertThat(byKey.get("REJ-1")).containsEntry("outcome", "FAILED").containsEntry("step", "portmone")
                .containsEntry("code", "7").containsEntry("message", "Payee is blocked");
        assertThat(byKey.get("OK-7")).containsEntry("outcome", "DELIVERED");
        assertThat(portmone.requestsFor("test-orders_REJ-1")).hasSize(1);
    }

    @Test
    void aTransientPortmoneFailureIsRetriedWithTheSameOrderNumber() {
        portmone.failNext(2);
        Api.post("test-orders", Api.order("RETRY-1", "Sofia", "sofia@example.com", 42));
        JsonPath run = Api.run("test-orders");
        assertThat(run.getInt("counts.delivered")).isEqualTo(1);
        assertThat(portmone.requestsFor("test-orders_RETRY-1")).hasSize(3);
        assertThat(portmone.orders()).containsKey("test-orders_RETRY-1");
        Map<String, Map<String, Object>> byKey = byKey(Api.runDetail(run.getString("id")));
        assertThat(byKey.get("RETRY-1")).containsEntry("outcome", "DELIVERED");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byKey(JsonPath detail) {
        List<Map<String, Object>> records = detail.getList("records");
        Map<String, Map<String, Object>> byKey = new java.util.HashMap<>();
        for (Map<String, Object> r : records) {
            if (!"RETRY".equals(r.get("outcome"))) {
                byKey.put((String) r.get("recordKey"), r);
            }
        }
        return byKey;
    }

    static String recipients(MimeMessage m) throws Exception {
        return Arrays.toString(m.getAllRecipients());
    }
}
