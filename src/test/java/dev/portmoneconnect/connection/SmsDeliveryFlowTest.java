package dev.portmoneconnect.connection;

import dev.portmoneconnect.flow.ConnectHeaders;
import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.flow.Invoice;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakeSmsGateway;
import dev.portmoneconnect.support.FakeSmsc;
import dev.portmoneconnect.support.FakeSmsc.ReceivedSms;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.TestSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMS delivery end to end: webhook → run → Portmone → SMS through an SMPP centre or an HTTP
 * gateway → ledger, alone and together with e-mail.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(20)
class SmsDeliveryFlowTest {

    FakePortmone portmone;
    GreenMail mail;
    FakeSmsc smsc;
    FakeSmsGateway smsGateway;

    @Inject
    ProducerTemplate camel;

    @BeforeEach
    void clean() throws Exception {
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
        smsc.reset();
        smsGateway.reset();
    }

    @Test
    void aLandingFormOrderIsTextedAsConcatenatedUcs2SmsWithTheLinkInOnePart() {
        postForm("landing-orders-sms", Map.of("order_id", "LP-2001", "name", "Іван Петро",
                "phone", "(050) 1234567", "amount", "499", "lang", "uk"));

        JsonPath run = Api.run("landing-orders-sms");
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("counts.delivered")).isEqualTo(1);
        assertThat(portmone.problems()).isEmpty();
        String link = portmone.orders().get("landing-orders-sms_LP-2001");
        assertThat(portmone.requestsFor("landing-orders-sms_LP-2001").get(0).path("order").path("attribute2").asText())
                .isEqualTo("380501234567");

        List<ReceivedSms> messages = smsc.messagesTo("380501234567");
        assertThat(messages).hasSize(1);
        ReceivedSms sms = messages.get(0);
        String beforeLink = "Іван Петро, рахунок на 499,00 грн (Замовлення LP-2001). Оплатити: ";
        assertThat(sms.text()).isEqualTo(beforeLink + link);
        assertThat(sms.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(sms.source()).isEqualTo(FakeSmsGateway.SENDER);
        assertThat(sms.sourceTon()).isEqualTo((byte) 0x05);
        // 66 characters then the link: cut at 67, the link would have been split; it opens part two instead
        assertThat(beforeLink.length()).isBetween(68 - link.length(), 66);
        assertThat(sms.parts()).containsExactly(beforeLink, link);
        int reference = sms.headers().get(0)[2];
        assertThat(sms.headers()).satisfiesExactly(
                h -> assertThat(h).containsExactly(0x00, 0x03, reference, 2, 1),
                h -> assertThat(h).containsExactly(0x00, 0x03, reference, 2, 2));
        assertThat(smsc.accepted()).allSatisfy(s -> assertThat(s.getEsmClass() & 0x40).isEqualTo(0x40));

        JsonPath record = record(run, "LP-2001");
        assertThat(record.getString("status")).isEqualTo("DELIVERED");
        assertThat(record.getInt("deliveryParts")).isEqualTo(2);
        assertThat(record.getString("deliveredChannels")).isEqualTo("sms");
        assertThat(record.getString("deliveryPreview")).contains("SMS to: 380501234567").contains("Parts: 2 (UCS-2)")
                .contains(link);
    }

    @Test
    void aBadPhoneIsAFieldErrorNamingTheValueAndNothingIsSent() {
        postForm("landing-orders-sms", Map.of("order_id", "LP-2002", "name", "Марко", "phone", "12-34-5",
                "amount", "10", "lang", "uk"));
        JsonPath run = Api.run("landing-orders-sms");
        Map<String, Object> outcome = byKey(run).get("LP-2002");
        assertThat(outcome).containsEntry("outcome", "FAILED").containsEntry("field", "payerPhone");
        assertThat((String) outcome.get("message")).contains("'12-34-5'");
        assertThat(portmone.requests()).isEmpty();
        assertThat(smsc.accepted()).isEmpty();
    }

    @Test
    void latinTextGoesAsOneGsm7PartBesideTheEmail() throws Exception {
        Api.post("test-orders-sms", order("GSM-1", "Ivan Franko", "franko@example.com", "067 765 43 21", "en"));
        JsonPath run = Api.run("test-orders-sms");
        assertThat(run.getInt("counts.delivered")).isEqualTo(1);
        String link = portmone.orders().get("test-orders-sms_GSM-1");

        ReceivedSms sms = smsc.messagesTo("380677654321").get(0);
        assertThat(sms.dataCoding()).isEqualTo((byte) 0x00);
        assertThat(sms.parts()).containsExactly("Ivan Franko, your invoice for 150.00 UAH (Lamp). Pay here: " + link);
        assertThat(sms.headers()).isEmpty();
        assertThat(smsc.accepted()).singleElement().satisfies(s -> assertThat(s.getEsmClass()).isZero());
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();

        JsonPath record = record(run, "GSM-1");
        assertThat(record.getInt("deliveryParts")).isEqualTo(1);
        assertThat(record.getString("deliveredChannels")).isEqualTo("email,sms");
        assertThat(record.getString("deliveryPreview")).contains("To: franko@example.com")
                .contains("SMS to: 380677654321").contains("Parts: 1 (GSM-7)");
    }

    @Test
    void aRefusedSmsFailsTheRecordAndItsRetryTextsWithoutMailingAgain() throws Exception {
        smsc.refuseDestination("380500000000", SMPPConstant.STAT_ESME_RINVDSTADR);
        Api.post("test-orders-sms", order("BOTH-1", "Lesia Ukrainka", "lesia@example.com", "050 000 00 00", "en"));
        JsonPath first = Api.run("test-orders-sms");
        assertThat(first.getString("status")).isEqualTo("PARTIAL");
        assertThat(byKey(first).get("BOTH-1")).containsEntry("outcome", "FAILED").containsEntry("step", "delivery")
                .containsEntry("code", "SMPP_000B");
        assertThat(smsc.refusedSubmits()).as("a permanent refusal is not retried").isEqualTo(1);
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        JsonPath failed = record(first, "BOTH-1");
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("deliveredChannels")).isEqualTo("email");

        // the payer corrects the phone and the form is sent again
        Api.post("test-orders-sms", order("BOTH-1", "Lesia Ukrainka", "lesia@example.com", "050 111 22 33", "en"));
        JsonPath second = Api.run("test-orders-sms");
        assertThat(second.getInt("counts.delivered")).isEqualTo(1);
        assertThat(smsc.messagesTo("380501112233")).hasSize(1);
        assertThat(mail.waitForIncomingEmail(1500, 2)).as("the e-mail went out once").isFalse();
        assertThat(portmone.requestsFor("test-orders-sms_BOTH-1")).hasSize(1);
        JsonPath delivered = record(second, "BOTH-1");
        assertThat(delivered.getString("status")).isEqualTo("DELIVERED");
        assertThat(delivered.getString("deliveredChannels")).isEqualTo("email,sms");
        assertThat(delivered.getString("deliveryPreview")).contains("To: lesia@example.com")
                .contains("SMS to: 380501112233");
    }

    @Test
    void aThrottledSmsIsRetriedAndTheEmailIsNotSentTwice() throws Exception {
        smsc.throttleNext(1);
        Api.post("test-orders-sms", order("THR-1", "Pavlo Tychyna", "pavlo@example.com", "093 111 22 33", "en"));
        JsonPath run = Api.run("test-orders-sms");
        assertThat(run.getInt("counts.delivered")).isEqualTo(1);
        assertThat(smsc.refusedSubmits()).isEqualTo(1);
        assertThat(smsc.messagesTo("380931112233")).hasSize(1);
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(mail.waitForIncomingEmail(1000, 2)).isFalse();
        List<Map<String, Object>> records = Api.runDetail(run.getString("id")).getList("records");
        assertThat(attempts(records)).anySatisfy(a -> assertThat(a).containsEntry("outcome", "RETRY")
                .containsEntry("code", "SMPP_0058"));
    }

    @Test
    void theHttpGatewayGetsItsJsonWithATextItsOwnSplitCannotCutTheLinkIn() {
        Api.post("test-orders-sms-http", Map.of("id", "HTTP-1", "name", "Тарас Шевченко", "phone", "+380 67 765 43 21",
                "amount", "99.9", "what", "Кобзар, т.1", "lang", "uk"));
        JsonPath run = Api.run("test-orders-sms-http");
        assertThat(run.getInt("counts.delivered")).isEqualTo(1);
        String link = portmone.orders().get("test-orders-sms-http_HTTP-1");

        assertThat(smsc.accepted()).isEmpty();
        assertThat(smsGateway.requests()).hasSize(1);
        FakeSmsGateway.Request request = smsGateway.requests().get(0);
        assertThat(request.authorization()).isEqualTo("Bearer " + TestSecrets.SMS_GATEWAY_TOKEN);
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(request.body().path("recipients").toString()).isEqualTo("[\"380677654321\"]");
        assertThat(request.body().path("sms").path("sender").asText()).isEqualTo(FakeSmsGateway.SENDER);
        String beforeLink = "Тарас Шевченко, рахунок на 99,90 грн (Кобзар, т.1). Оплатити: ";
        assertThat(beforeLink).hasSize(62);
        assertThat(request.text()).isEqualTo(beforeLink + " ".repeat(5) + link);
        assertThat(request.providerParts()).containsExactly(beforeLink + " ".repeat(5), link);

        JsonPath record = record(run, "HTTP-1");
        assertThat(record.getInt("deliveryParts")).isEqualTo(2);
        assertThat(record.getString("deliveryPreview")).contains(beforeLink + link);
    }

    @Test
    void anHttpGatewayRefusalFailsTheRecordAtOnce() {
        smsGateway.refusePhone("380671112233", 404, "NOT_ALLOWED_NUMBER_STOPLIST");
        Api.post("test-orders-sms-http",
                Map.of("id", "HTTP-2", "name", "Olena", "phone", "0671112233", "amount", "5", "what", "Tea", "lang", "en"));
        JsonPath run = Api.run("test-orders-sms-http");
        assertThat(byKey(run).get("HTTP-2")).containsEntry("outcome", "FAILED").containsEntry("step", "delivery")
                .containsEntry("code", "NOT_ALLOWED_NUMBER_STOPLIST");
        assertThat(smsGateway.requests()).hasSize(1);
    }

    @Test
    void anHttpGatewayOutageIsRetried() {
        smsGateway.failNext(2);
        Api.post("test-orders-sms-http",
                Map.of("id", "HTTP-3", "name", "Ostap", "phone", "0672223344", "amount", "6", "what", "Tea", "lang", "en"));
        JsonPath run = Api.run("test-orders-sms-http");
        assertThat(run.getInt("counts.delivered")).isEqualTo(1);
        // the HTTP client repeats a 503 once by itself; the record's retry then gets through
        assertThat(smsGateway.requests()).hasSize(3);
        List<Map<String, Object>> records = Api.runDetail(run.getString("id")).getList("records");
        assertThat(attempts(records)).anySatisfy(a -> assertThat(a).containsEntry("outcome", "RETRY")
                .containsEntry("code", "HTTP_503"));
    }

    @Test
    void aDryRunRendersTheSmsButSendsNothing() {
        Invoice invoice = new Invoice("DRY-1", "Ivan", null, "380501234567", new BigDecimal("12.50"), "UAH", "Tea", "en");
        Exchange result = camel.send("delivery:sms?template=invoice", exchange -> {
            exchange.getMessage().setBody(invoice);
            exchange.getMessage().setHeader(ConnectHeaders.PAYMENT_LINK, "https://www.portmone.com.ua/r3/pg/dry");
            exchange.getMessage().setHeader(ConnectHeaders.DRY_RUN, true);
        });
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(ConnectHeaders.DELIVERY_PREVIEW, String.class))
                .isEqualTo("SMS to: 380501234567\nParts: 1 (GSM-7)\n\n"
                        + "Ivan, your invoice for 12.50 UAH (Tea). Pay here: https://www.portmone.com.ua/r3/pg/dry");
        assertThat(result.getMessage().getHeader(ConnectHeaders.DELIVERY_PARTS, Integer.class)).isEqualTo(1);
        assertThat(result.getMessage().getHeader(ConnectHeaders.DELIVERED)).isNull();
        assertThat(smsc.accepted()).isEmpty();
        assertThat(smsGateway.requests()).isEmpty();
    }

    @Test
    void theSmppPasswordAndTheGatewayTokenNeverReachTheLog() throws Exception {
        Api.post("test-orders-sms", order("LOG-1", "Ivan", "ivan@example.com", "050 222 33 44", "en"));
        Api.post("test-orders-sms-http", Map.of("id", "LOG-2", "name", "Ivan", "phone", "0502223344", "amount", "1",
                "what", "Tea", "lang", "en"));
        assertThat(Api.run("test-orders-sms").getInt("counts.delivered")).isEqualTo(1);
        assertThat(Api.run("test-orders-sms-http").getInt("counts.delivered")).isEqualTo(1);
        assertThat(smsc.binds()).isPositive();
        String log = Files.readString(Path.of("target/quarkus-test.log"));
        assertThat(log).doesNotContain(TestSecrets.SMPP_PASSWORD).doesNotContain(TestSecrets.SMS_GATEWAY_TOKEN);
    }

    private static Map<String, Object> order(String id, String name, String email, String phone, String lang) {
        return Map.of("id", id, "name", name, "email", email, "phone", phone, "amount", "150", "what", "Lamp",
                "lang", lang);
    }

    private static void postForm(String connectionId, Map<String, String> fields) {
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(fields)
                .queryParam("token", TestSecrets.WEBHOOK_TOKEN)
                .when().post("/hooks/" + connectionId)
                .then().statusCode(202);
    }

    private static JsonPath record(JsonPath run, String recordKey) {
        Object id = byKey(run).get(recordKey).get("recordId");
        return given().when().get("/api/records/" + id).then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byKey(JsonPath run) {
        List<Map<String, Object>> records = Api.runDetail(run.getString("id")).getList("records");
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> r : records) {
            if (!"RETRY".equals(r.get("outcome"))) {
                byKey.put((String) r.get("recordKey"), r);
            }
        }
        return byKey;
    }

    /** Every try of every record of a run's detail. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attempts(List<Map<String, Object>> records) {
        return records.stream().flatMap(r -> ((List<Map<String, Object>>) r.get("attempts")).stream()).toList();
    }
}
