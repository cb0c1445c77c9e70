package dev.portmoneconnect.payments;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.portmone.PortmoneResult;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payment status end to end against the fake Portmone: polls, both notification forms, forged and
 * unknown notifications, expiry with closing on a schedule, the record's payment, dry runs and test
 * sends.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(35)
class PaymentStatusFlowTest {

    FakePortmone portmone;
    GreenMail mail;

    @TestHTTPResource("/")
    URL app;

    @Inject
    Jdbc jdbc;

    @BeforeEach
    void clean() throws Exception {
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void aPollFlipsAnUnpaidInvoiceToPaidWithAmountDateAndBill() {
        long id = Payments.invoice("pay-orders", List.of(Payments.order("P-1", "Іван Петренко", "ivan@example.com",
                "1 250,50"))).get("P-1");
        JsonPath before = Payments.record(id);
        assertThat(before.getString("payment.status")).isEqualTo("UNPAID");
        assertThat(before.getDouble("payment.amount")).isEqualTo(1250.50);
        assertThat(before.getString("payment.paidAt")).isNull();
        assertThat(Instant.parse(before.getString("payment.expiresAt")))
                .isBetween(Instant.now().plusSeconds(86_400 - 120), Instant.now().plusSeconds(86_400 + 5));

        FakePortmone.Order paid = portmone.markPaid("pay-orders_P-1");
        portmone.clearCalls();
        JsonPath poll = Payments.poll("shop");
        assertThat(poll.getInt("accounts[0].changed")).isGreaterThanOrEqualTo(1);
        assertThat(poll.getBoolean("accounts[0].succeeded")).isTrue();

        JsonPath after = Payments.record(id);
        assertThat(after.getString("payment.status")).isEqualTo("PAID");
        assertThat(after.getString("payment.billId")).isEqualTo(paid.billId());
        assertThat(Instant.parse(after.getString("payment.paidAt"))).isEqualTo(paid.payDate());
        assertThat(after.getDouble("payment.paidAmount")).isEqualTo(1250.50);
        assertThat(after.getList("history.outcome")).contains("PAID");

        List<FakePortmone.Call> asked = portmone.calls("result");
        assertThat(asked).hasSize(poll.getInt("accounts[0].calls"));
        assertThat(asked.get(0).data().path("shopOrderNumber").asText()).isEmpty();
        assertThat(asked.get(0).data().path("endDate").asText())
                .isEqualTo(LocalDate.now(ZoneId.of("Europe/Kyiv")).format(PortmoneResult.DATE));
        assertThat(portmone.problems()).isEmpty();
    }

    @Test
    void aJsonNotificationConfirmedByResultFlipsItAndIsAnsweredAsPortmoneExpects() throws Exception {
        long id = Payments.invoice("pay-orders", List.of(Payments.order("P-2", "Olena", "olena@example.com", 300)))
                .get("P-2");
        portmone.markPaid("pay-orders_P-2");
        portmone.clearCalls();

        FakePortmone.NotificationAnswer answer = portmone.notifyJson(app.toString(), "shop", "pay-orders_P-2");
        assertThat(answer.wellFormed()).isTrue();
        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(answer.errorCode()).isEqualTo("0");
        assertThat(answer.reason()).isEqualTo("OK");
        assertThat(Payments.record(id).getString("payment.status")).isEqualTo("PAID");
        List<FakePortmone.Call> asked = portmone.calls("result");
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).data().path("shopOrderNumber").asText()).isEqualTo("pay-orders_P-2");

        // told again: known paid, Portmone is not asked again
        assertThat(portmone.notifyJson(app.toString(), "shop", "pay-orders_P-2").errorCode()).isEqualTo("0");
        assertThat(portmone.calls("result")).hasSize(1);
    }

    @Test
    void anXmlNotificationConfirmedByResultFlipsItAndIsAnsweredInXml() throws Exception {
        long id = Payments.invoice("pay-orders", List.of(Payments.order("P-3", "Petro", "petro@example.com", 99)))
                .get("P-3");
        FakePortmone.Order paid = portmone.markPaid("pay-orders_P-3");

        FakePortmone.NotificationAnswer answer = portmone.notifyXml(app.toString(), "shop", "pay-orders_P-3");
        assertThat(answer.wellFormed()).as("answer %s", answer).isTrue();
        assertThat(answer.errorCode()).isEqualTo("0");
        assertThat(answer.reason()).isEqualTo("OK");
        JsonPath record = Payments.record(id);
        assertThat(record.getString("payment.status")).isEqualTo("PAID");
        assertThat(record.getString("payment.billId")).isEqualTo(paid.billId());
    }

    @Test
    void aForgedNotificationChangesNothingAndIsLoggedOnce() throws Exception {
        long logStart = Files.size(Path.of(FakesResource.LOG_FILE));
        long id = Payments.invoice("pay-orders", List.of(Payments.order("P-4", "Forge Target", "forge@example.com",
                500))).get("P-4");
        portmone.clearCalls();
        for (int i = 0; i < 3; i++) {
            FakePortmone.NotificationAnswer answer = portmone.notifyJson(app.toString(), "shop", "pay-orders_P-4");
            assertThat(answer.wellFormed()).isTrue();
            assertThat(answer.errorCode()).isEqualTo("1");
        }
        assertThat(Payments.record(id).getString("payment.status")).isEqualTo("UNPAID");
        // confirmed once with result; repeats within seconds ask nothing more
        assertThat(portmone.calls("result")).hasSize(1);

        // an order the app never invoiced: Portmone is not even asked
        for (int i = 0; i < 2; i++) {
            FakePortmone.NotificationAnswer unknown = portmone.notifyXml(app.toString(), "shop", "somebody-else_42");
            assertThat(unknown.wellFormed()).isTrue();
            assertThat(unknown.errorCode()).isEqualTo("1");
        }
        assertThat(portmone.calls("result")).hasSize(1);

        assertThat(logLines(logStart, "for order pay-orders_P-4 ")).hasSize(1);
        assertThat(logLines(logStart, "for order somebody-else_42 ")).hasSize(1);
        assertThat(Payments.record(id).getList("history.outcome")).doesNotContain("PAID");
    }

    @Test
    void aNotificationThatCannotBeConfirmedNowIsAnsweredSoThatPortmoneSendsItAgain() throws Exception {
        long id = Payments.invoice("pay-orders", List.of(Payments.order("P-5", "Taras", "taras@example.com", 75)))
                .get("P-5");
        portmone.markPaid("pay-orders_P-5");
        // the HTTP client tries a 503 once more by itself: both tries fail
        portmone.failNext(2);
        assertThat(portmone.notifyJson(app.toString(), "shop", "pay-orders_P-5").errorCode()).isEqualTo("2");
        assertThat(Payments.record(id).getString("payment.status")).isEqualTo("UNPAID");
        assertThat(portmone.notifyJson(app.toString(), "shop", "pay-orders_P-5").errorCode()).isEqualTo("0");
        assertThat(Payments.record(id).getString("payment.status")).isEqualTo("PAID");
    }

    @Test
    void notificationsToAnUnknownAccountOrWithoutAnOrderAreRefused() {
        given().contentType(ContentType.JSON).body(Map.of("shopOrderNumber", "x")).post("/hooks/portmone/nobody")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("shopBillId", "1")).post("/hooks/portmone/shop")
                .then().statusCode(400).body("errorCode", org.hamcrest.Matchers.equalTo("3"));
        given().contentType("application/x-www-form-urlencoded").formParam("data", "<!DOCTYPE x [<!ENTITY e SYSTEM"
                        + " \"file:///etc/passwd\">]><BILLS><BILL><BILL_NUMBER>&e;</BILL_NUMBER></BILL></BILLS>")
                .post("/hooks/portmone/shop").then().statusCode(400);
    }

    @Test
    void expiredInvoicesAreClosedAtPortmoneOnTheScheduleAndAskedAboutNoMore() throws Exception {
        Map<String, Long> ids = Payments.invoice("ticker-orders", List.of(
                Payments.order("T-1", "Paying Payer", "paying@example.com", 10),
                Payments.order("T-2", "Late Payer", "late@example.com", 20)));
        portmone.markPaid("ticker-orders_T-1");

        // no poll is asked for: the account's schedule (every second) does it
        JsonPath paid = Payments.awaitPayment(ids.get("T-1"), r -> "PAID".equals(r.getString("payment.status")), 15_000);
        assertThat(paid.getString("payment.account")).isEqualTo("ticker");
        JsonPath expired = Payments.awaitPayment(ids.get("T-2"), r -> r.getString("payment.closedAt") != null, 15_000);
        assertThat(expired.getString("payment.status")).isEqualTo("EXPIRED");
        assertThat(expired.getList("history.outcome")).contains("EXPIRED", "CLOSED");
        assertThat(portmone.order("ticker-orders_T-2").closed()).isTrue();
        assertThat(portmone.order("ticker-orders_T-1").closed()).isFalse();
        assertThat(portmone.calls("closeInvoice")).hasSize(1);

        // nothing of the account is open any more: its polls ask Portmone nothing
        Thread.sleep(1500);
        portmone.clearCalls();
        Thread.sleep(2500);
        assertThat(portmone.calls("result")).isEmpty();
        assertThat(portmone.calls("closeInvoice")).isEmpty();
        assertThat(given().get("/api/payments/polls").then().statusCode(200).extract().jsonPath()
                .getBoolean("find { it.account == 'ticker' }.succeeded")).isTrue();
    }

    @Test
    void anInvoiceWhoseFollowingWasMissedIsTakenUpByTheNextPoll() {
        long id = Payments.invoice("pay-orders", List.of(Payments.order("P-9", "Missed", "missed@example.com", 60)))
                .get("P-9");
        // as if the process had stopped between storing the link and following its payment
        jdbc.update("DELETE FROM payment_status WHERE record_id = ?", id);
        assertThat(Payments.record(id).getString("payment")).isNull();

        portmone.markPaid("pay-orders_P-9");
        Payments.poll("shop");
        JsonPath record = Payments.record(id);
        assertThat(record.getString("payment.status")).isEqualTo("PAID");
        assertThat(record.getString("payment.account")).isEqualTo("shop");
        assertThat(record.getDouble("payment.amount")).isEqualTo(60.0);
    }

    @Test
    void aRefundAfterThePaymentIsFollowed() {
        long id = Payments.invoice("pay-orders", List.of(Payments.order("P-6", "Refunded", "refund@example.com", 40)))
                .get("P-6");
        portmone.markPaid("pay-orders_P-6");
        Payments.poll("shop");
        assertThat(Payments.record(id).getString("payment.status")).isEqualTo("PAID");
        portmone.markReturned("pay-orders_P-6");
        Payments.poll("shop");
        JsonPath refunded = Payments.record(id);
        assertThat(refunded.getString("payment.status")).isEqualTo("RETURNED");
        assertThat(refunded.getList("history.outcome")).containsSubsequence("PAID", "RETURNED");
    }

    @Test
    void dryRunsMakeNoInvoiceToFollowAndTestSendsAreShownButNeverListedByDefault() {
        Api.post("pay-orders", Payments.order("P-7", "Dry Payer", "dry@example.com", 12));
        JsonPath dry = given().post("/api/connections/pay-orders/run?wait=true&dryRun=true").then().statusCode(200)
                .extract().jsonPath();
        long dryRecord = Api.runDetail(dry.getString("id")).getLong("records[0].recordId");
        assertThat(Payments.record(dryRecord).getString("payment")).isNull();
        assertThat(portmone.calls("createLinkPayment")).isEmpty();

        JsonPath test = given().contentType(ContentType.JSON)
                .body(Map.of("email", "tester@shop.example", "sample", Payments.order("P-8", "Sample", "s@example.com", 5)))
                .post("/api/connections/pay-orders/test?wait=true").then().statusCode(200).extract().jsonPath();
        long testRecord = Api.runDetail(test.getString("id")).getLong("records.find { it.outcome == 'DELIVERED' }.recordId");
        assertThat(Payments.record(testRecord).getString("payment.status")).isEqualTo("UNPAID");
        List<Long> listed = given().get("/api/invoices?connection=pay-orders").then().statusCode(200).extract()
                .jsonPath().getList("recordId", Long.class);
        assertThat(listed).doesNotContain(testRecord, dryRecord);
        assertThat(given().get("/api/invoices?connection=pay-orders&tests=true").then().extract().jsonPath()
                .getList("recordId", Long.class)).contains(testRecord);
    }

    /** The application's log lines since the offset that mention a notification about the order. */
    private static List<String> logLines(long since, String containing) throws Exception {
        byte[] all = Files.readAllBytes(Path.of(FakesResource.LOG_FILE));
        String added = new String(all, (int) Math.min(since, all.length), (int) Math.max(0, all.length - since),
                StandardCharsets.UTF_8);
        return added.lines().filter(line -> line.contains("Payment notification") && line.contains(containing))
                .toList();
    }
}
