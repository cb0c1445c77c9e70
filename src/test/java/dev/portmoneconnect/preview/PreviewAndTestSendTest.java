package dev.portmoneconnect.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.schedule.Firing;
import dev.portmoneconnect.source.InboxRepository;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakeSmsc;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.Observed;
import dev.portmoneconnect.support.TestSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Preview shows what a connection would send and changes nothing; a test send creates one real
 * invoice under a test order number, delivers it, and leaves the real record and its source alone.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(25)
class PreviewAndTestSendTest {

    FakePortmone portmone;
    GreenMail mail;
    FakeSmsc smsc;

    @Inject
    Jdbc jdbc;

    @Inject
    InboxRepository inbox;

    @Inject
    Observed observed;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void clean() throws Exception {
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
        smsc.reset();
    }

    @Test
    void previewOfPendingRecordsShowsTheSignedRequestAndTheEmailAndChangesNothing() throws Exception {
        Api.post("preview-orders", Map.of("id", "PV-1", "name", "Іван Петренко", "email", "ivan@example.com",
                "amount", "1 250,50", "what", "Order PV-1"));
        State before = state("preview-orders");

        JsonPath preview = given().when().post("/api/connections/preview-orders/preview?limit=20")
                .then().statusCode(200).extract().jsonPath();
        assertThat(preview.getString("source")).isEqualTo("inbox");
        Map<String, Object> record = preview.getMap("records.find { it.recordKey == 'PV-1' }");
        assertThat(record).containsEntry("valid", true).containsEntry("shopOrderNumber", "preview-orders_PV-1")
                .containsEntry("ledgerStatus", null);
        assertThat(preview.getString("records.find { it.recordKey == 'PV-1' }.invoice.payerName"))
                .isEqualTo("Іван Петренко");
        assertThat(preview.getString("records.find { it.recordKey == 'PV-1' }.sourceId")).startsWith("inbox:");

        JsonNode request = json.valueToTree(record.get("portmoneRequest"));
        assertThat(request.path("method").asText()).isEqualTo("createLinkPayment");
        JsonNode order = request.path("order");
        assertThat(order.path("shopOrderNumber").asText()).isEqualTo("preview-orders_PV-1");
        assertThat(order.path("billAmount").asText()).isEqualTo("1250.50");
        String dt = request.path("payee").path("dt").asText();
        assertThat(request.path("payee").path("signature").asText()).isEqualTo(FakePortmone.signature(
                FakePortmone.PAYEE_ID, dt, "preview-orders_PV-1", "1250.50", FakePortmone.LOGIN, FakePortmone.SIGNING_KEY));

        Map<String, Object> email = preview.getMap("records.find { it.recordKey == 'PV-1' }.messages[0]");
        assertThat(email).containsEntry("channel", "email").containsEntry("to", "ivan@example.com")
                .containsEntry("template", "invoice");
        assertThat((String) email.get("subject")).contains("1 250,50 грн");
        assertThat((String) email.get("body")).contains("Іван Петренко").contains((String) record.get("link"));

        String answer = given().when().post("/api/connections/preview-orders/preview").asString();
        for (String secret : TestSecrets.all()) {
            assertThat(answer).doesNotContain(secret);
        }
        assertThat(state("preview-orders")).isEqualTo(before);
        assertThat(portmone.requests()).isEmpty();
        assertThat(mail.getReceivedMessages()).isEmpty();
        assertThat(inbox.peek("preview-orders", 100)).anySatisfy(e -> assertThat(e.payload()).contains("PV-1"));
    }

    @Test
    void previewOfASampleNamesEveryFieldThatFailsAndRendersTheSms() {
        State before = state("preview-orders-sms");
        JsonPath preview = given().contentType(ContentType.JSON).body(List.of(
                        Map.of("id", "S-1", "name", "Olena", "email", "olena@example.com", "phone", "050 123 45 67",
                                "amount", "99.90"),
                        Map.of("id", "S-2", "name", "Petro", "phone", "12-34", "amount", "abc")))
                .when().post("/api/connections/preview-orders-sms/preview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(preview.getString("source")).isEqualTo("sample");

        assertThat(preview.getBoolean("records[0].valid")).isTrue();
        assertThat(preview.getString("records[0].sourceId")).isNull();
        assertThat(preview.getList("records[0].messages.channel")).containsExactly("email", "sms");
        Map<String, Object> sms = preview.getMap("records[0].messages[1]");
        assertThat(sms).containsEntry("to", "380501234567")
                .containsEntry("encoding", "UCS-2").containsEntry("parts", 2);
        assertThat((String) sms.get("body")).contains("Olena").contains("99,90 грн");

        assertThat(preview.getBoolean("records[1].valid")).isFalse();
        assertThat(preview.getList("records[1].errors.field"))
                .containsExactlyInAnyOrder("payerEmail", "payerPhone", "amount");
        assertThat(preview.getString("records[1].errors.find { it.field == 'amount' }.reason")).contains("'abc'");
        assertThat(preview.getString("records[1].portmoneRequest")).isNull();

        assertThat(state("preview-orders-sms")).isEqualTo(before);
        assertThat(smsc.messages()).isEmpty();
    }

    @Test
    void previewRefusesWhatItCannotUse() {
        given().contentType(ContentType.JSON).body("[1, 2]")
                .when().post("/api/connections/preview-orders/preview")
                .then().statusCode(400).body("error", containsString("item 0"));
        given().contentType(ContentType.JSON).body("{not json")
                .when().post("/api/connections/preview-orders/preview")
                .then().statusCode(400).body("error", containsString("body"));
        given().when().post("/api/connections/no-such-connection/preview").then().statusCode(404);
        given().when().post("/api/connections/chain-b/preview")
                .then().statusCode(409).body("error", containsString("no mapping"));
    }

    @Test
    void aTestSendInvoicesUnderATestOrderNumberMailsTheTesterAndLeavesTheRecordPending() throws Exception {
        // settle what other tests left pending, so that the record posted here is the first one
        Api.run("preview-orders");
        clean();
        Api.post("preview-orders", Map.of("id", "TS-1", "name", "Taras", "email", "taras@example.com",
                "amount", "42", "what", "Order TS-1"));

        JsonPath test = given().contentType(ContentType.JSON).body(Map.of("email", "tester@shop.example"))
                .when().post("/api/connections/preview-orders/test?wait=true")
                .then().statusCode(200).extract().jsonPath();
        assertThat(test.getBoolean("test")).isTrue();
        assertThat(test.getString("trigger")).isEqualTo("test");
        assertThat(test.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(test.getInt("counts.delivered")).isEqualTo(1);

        JsonPath detail = Api.runDetail(test.getString("id"));
        String testOrder = detail.getString("records[0].shopOrderNumber");
        assertThat(testOrder).startsWith("preview-orders~test-");
        assertThat(detail.getString("records[0].recordKey")).startsWith("test:");
        assertThat(portmone.requestsFor(testOrder)).hasSize(1);
        assertThat(portmone.requestsFor("preview-orders_TS-1")).isEmpty();
        assertThat(portmone.problems()).isEmpty();

        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("tester@shop.example");
        assertThat((String) message.getContent()).contains(portmone.orders().get(testOrder)).contains("Taras");
        assertThat(inbox.peek("preview-orders", 100)).anySatisfy(e -> assertThat(e.payload()).contains("TS-1"));

        given().when().post("/api/records/" + detail.getLong("records[0].recordId") + "/replay")
                .then().statusCode(409).body("error", containsString("test send"));

        // The real record is untouched by the test: the next run invoices and mails it to its payer.
        JsonPath real = Api.run("preview-orders");
        JsonPath realDetail = Api.runDetail(real.getString("id"));
        assertThat(realDetail.getString("records.find { it.recordKey == 'TS-1' }.outcome")).isEqualTo("DELIVERED");
        assertThat(portmone.requestsFor("preview-orders_TS-1")).hasSize(1);
        assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(Arrays.stream(mail.getReceivedMessages()).map(PreviewAndTestSendTest::recipient))
                .containsExactlyInAnyOrder("tester@shop.example", "taras@example.com");

        assertThat(Api.runs("preview-orders").getList("findAll { it.test }.id")).contains(test.getString("id"));
    }

    @Test
    void aTestSendOfASampleTextsOnlyTheRecipientsTheTesterNamed() throws Exception {
        JsonPath test = given().contentType(ContentType.JSON)
                .body(Map.of("phone", "+380 67 000 11 22", "sample", Map.of("id", "SAMPLE-1", "name", "Sample Payer",
                        "email", "payer@example.com", "phone", "0501234567", "amount", "5")))
                .when().post("/api/connections/preview-orders-sms/test?wait=true")
                .then().statusCode(200).extract().jsonPath();
        assertThat(test.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(smsc.messagesTo("380670001122")).hasSize(1);
        assertThat(smsc.messagesTo("380501234567")).isEmpty();
        assertThat(mail.waitForIncomingEmail(1000, 1)).as("no e-mail: the tester named no address").isFalse();
        assertThat(Api.runDetail(test.getString("id")).getString("records[0].deliveryPreview"))
                .contains("To: nobody");
    }

    @Test
    void aTestSendStartsNoConnectionThatRunsAfterIt() throws Exception {
        int mark = observed.mark();
        JsonPath test = given().contentType(ContentType.JSON)
                .body(Map.of("sample", Map.of("id", "CHAIN-T", "name", "Chain Tester", "email", "chain@example.com",
                        "amount", "3")))
                .when().post("/api/connections/chain-a/test?wait=true")
                .then().statusCode(200).extract().jsonPath();
        assertThat(test.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(observed.firingsSince(mark, (Firing f) -> f.connectionId().equals("chain-b"))).isEmpty();
    }

    @Test
    void aTestSendRefusesBadRecipientsAndHasToHaveARecord() {
        given().contentType(ContentType.JSON).body(Map.of("email", "not-an-address"))
                .when().post("/api/connections/preview-orders/test")
                .then().statusCode(400).body("error", containsString("email"));
        given().contentType(ContentType.JSON).body(Map.of("phone", "12-34"))
                .when().post("/api/connections/preview-orders/test")
                .then().statusCode(400).body("error", containsString("phone"));
        given().contentType(ContentType.JSON).body(Map.of("sample", "text"))
                .when().post("/api/connections/preview-orders/test")
                .then().statusCode(400).body("error", containsString("sample"));
        given().contentType(ContentType.JSON).body(Map.of("phone", "+380 67 000 11 22"))
                .when().post("/api/connections/preview-orders-sms/test")
                .then().statusCode(409).body("error", containsString("no pending record"));
        given().when().post("/api/connections/preview-orders-sms/test")
                .then().statusCode(400).body("error", containsString("never to the payer"));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What preview must leave exactly as it found it. */
    private State state(String connectionId) {
        return new State(
                count("SELECT COUNT(*) AS n FROM ledger_record WHERE connection_id = ?", connectionId),
                count("SELECT COUNT(*) AS n FROM record_attempt WHERE connection_id = ?", connectionId),
                count("SELECT COUNT(*) AS n FROM run WHERE connection_id = ?", connectionId),
                inbox.countPending(connectionId));
    }

    private int count(String sql, String connectionId) {
        return jdbc.one(sql, rs -> rs.getInt("n"), connectionId).orElseThrow();
    }

    record State(int ledgerRows, int attempts, int runs, int pendingInbox) {
    }
}
