package dev.portmoneconnect.payments;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakeSmsc;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.PaymentLands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections that take invoices by payment status as their source: reminders to unpaid payers
 * (once, never to a payer who has paid, also when the payment lands between selection and send,
 * never after expiry), thank-you notes once a payment is confirmed, dry runs, and the two example
 * connections shipped under routes/.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(36)
class PaymentFollowUpsTest {

    FakePortmone portmone;
    GreenMail mail;
    FakeSmsc smsc;

    @Inject
    PaymentLands lands;

    @Inject
    Jdbc jdbc;

    @BeforeEach
    void clean() throws Exception {
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
        smsc.reset();
    }

    @Test
    void aReminderGoesOnceToAnUnpaidPayerAndNeverToOneWhoPaid() throws Exception {
        Map<String, Long> ids = Payments.invoice("due-orders", List.of(
                uk(Payments.order("R-1", "Іван Петренко", "r1@example.com", "1 250,50")),
                Payments.order("R-2", "Paid Polled", "r2@example.com", 20),
                Payments.order("R-3", "Paid Unpolled", "r3@example.com", 30),
                Payments.order("R-4", "Pays Meanwhile", "r4@example.com", 40),
                Payments.order("R-5", "Too Late", "r5@example.com", 50)));
        portmone.markPaid("due-orders_R-2");
        Payments.poll("shop");
        portmone.markPaid("due-orders_R-3");
        lands.when("due-orders_R-4", () -> portmone.markPaid("due-orders_R-4"));
        jdbc.update("UPDATE payment_status SET expires_at = ? WHERE record_id = ?", Instant.now().minusSeconds(60),
                ids.get("R-5"));
        mail.purgeEmailFromAllMailboxes();
        portmone.clearCalls();

        JsonPath run = Api.run("pay-reminders");
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("counts.invoiced")).isZero();
        assertThat(run.getInt("counts.delivered")).isGreaterThanOrEqualTo(1);

        assertThat(to("r1@example.com")).hasSize(1);
        for (String paid : List.of("r2@example.com", "r3@example.com", "r4@example.com", "r5@example.com")) {
            assertThat(to(paid)).as("no reminder to %s", paid).isEmpty();
        }
        MimeMessage reminder = to("r1@example.com").get(0);
        assertThat(reminder.getSubject()).contains("Нагадування").contains("1 250,50 грн");
        String body = (String) reminder.getContent();
        assertThat(body).contains("ще не сплачено").contains(portmone.orders().get("due-orders_R-1"))
                .contains("1 250,50 грн");

        // the payments that landed were seen just before sending, and are kept
        assertThat(Payments.record(ids.get("R-3")).getString("payment.status")).isEqualTo("PAID");
        JsonPath r4 = Payments.record(ids.get("R-4"));
        assertThat(r4.getString("payment.status")).isEqualTo("PAID");
        assertThat(r4.getList("history.findAll { it.runId == '" + run.getString("id") + "' }.outcome"))
                .containsExactly("PAID", "SKIPPED");
        assertThat(r4.getString("history.find { it.outcome == 'SKIPPED' }.message"))
                .contains("Portmone says it is PAID");
        // R-2 was known paid and R-5 expired: not even selected, Portmone not asked about them
        assertThat(portmone.calls("result")).extracting(c -> c.data().path("shopOrderNumber").asText())
                .contains("due-orders_R-1", "due-orders_R-3", "due-orders_R-4")
                .doesNotContain("due-orders_R-2", "due-orders_R-5");

        JsonPath r1 = Payments.record(ids.get("R-1"));
        assertThat(r1.getString("payment.followUps.find { it.followUp == 'pay-reminders' }.status")).isEqualTo("DONE");
        assertThat(r1.getString("history.find { it.runId == '" + run.getString("id") + "' }.outcome")).isEqualTo("SENT");

        JsonPath again = Api.run("pay-reminders");
        assertThat(again.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(to("r1@example.com")).as("at most one reminder per invoice").hasSize(1);

        // another reminder step (its own followUp name) reminds once too, here by SMS
        Api.run("pay-reminders-sms");
        Api.run("pay-reminders-sms");
        List<FakeSmsc.ReceivedSms> texts = smsc.messagesTo("380501234567").stream()
                .filter(m -> m.text().contains(portmone.orders().get("due-orders_R-1"))).toList();
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0).text()).contains("нагадуємо").contains("1 250,50 грн");
    }

    @Test
    void aThankYouGoesOnceWhenThePaymentIsConfirmed() throws Exception {
        Map<String, Long> ids = Payments.invoice("due-orders", List.of(
                en(Payments.order("Q-1", "Grateful Payer", "q1@example.com", "99.90")),
                Payments.order("Q-2", "Not Yet", "q2@example.com", 15)));
        portmone.markPaid("due-orders_Q-1");
        mail.purgeEmailFromAllMailboxes();
        Api.run("pay-thanks");
        assertThat(to("q1@example.com")).as("not before Portmone's word is in").isEmpty();

        Payments.poll("shop");
        JsonPath first = Api.run("pay-thanks");
        assertThat(first.getString("status")).isEqualTo("SUCCEEDED");
        List<MimeMessage> thanks = to("q1@example.com");
        assertThat(thanks).hasSize(1);
        assertThat(thanks.get(0).getSubject()).startsWith("Thank you for your payment of UAH 99.90");
        assertThat(to("q2@example.com")).isEmpty();

        Api.run("pay-thanks");
        assertThat(to("q1@example.com")).hasSize(1);
        assertThat(Payments.record(ids.get("Q-1")).getString("payment.followUps[0].status")).isEqualTo("DONE");
    }

    @Test
    void aDryRunOfAFollowUpSendsNothingAndLeavesTheInvoiceForTheRealRun() throws Exception {
        long id = Payments.invoice("due-orders", List.of(Payments.order("D-1", "Dry Reminded", "d1@example.com", 11)))
                .get("D-1");
        mail.purgeEmailFromAllMailboxes();
        portmone.clearCalls();
        JsonPath dry = given().post("/api/connections/pay-reminders/run?wait=true&dryRun=true").then().statusCode(200)
                .extract().jsonPath();
        assertThat(to("d1@example.com")).isEmpty();
        assertThat(portmone.calls("result")).as("a dry run asks Portmone nothing").isEmpty();
        assertThat(Api.runDetail(dry.getString("id")).getString("records.find { it.recordId == " + id + " }.outcome"))
                .isEqualTo("REHEARSED");

        Api.run("pay-reminders");
        assertThat(to("d1@example.com")).hasSize(1);
    }

    @Test
    void aTestSendOfAReminderConnectionGoesToTheTesterAndLeavesTheRealReminderToGo() throws Exception {
        Payments.invoice("due-orders", List.of(Payments.order("TS-1", "Tested Payer", "ts1@example.com", 21)));
        mail.purgeEmailFromAllMailboxes();
        JsonPath test = given().contentType("application/json").body(Map.of("email", "tester@shop.example"))
                .post("/api/connections/pay-reminders/test?wait=true").then().statusCode(200).extract().jsonPath();
        assertThat(test.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(test.getBoolean("test")).isTrue();
        List<MimeMessage> tested = to("tester@shop.example");
        assertThat(tested).hasSize(1);
        assertThat(tested.get(0).getSubject()).containsAnyOf("Нагадування", "Reminder");
        long picked = Api.runDetail(test.getString("id")).getLong("records[0].recordId");
        String payer = Payments.record(picked).getString("payment.followUps.find { it.followUp == 'pay-reminders' }");
        assertThat(payer).as("the follow-up has not acted on it").isNull();

        String payerAddress = given().get("/api/invoices?connection=due-orders&limit=100000").then().extract()
                .jsonPath().getString("find { it.recordId == " + picked + " }.payerEmail");
        Api.run("pay-reminders");
        assertThat(to(payerAddress)).as("the real reminder still goes").hasSize(1);

        given().contentType("application/json").body(Map.of("email", "tester@shop.example",
                        "sample", Map.of("id", "x")))
                .post("/api/connections/pay-reminders/test?wait=true").then().statusCode(409);
    }

    @Test
    void theShippedReminderAndThankYouConnectionsRemindAfterTwelveHoursAndThankOnce() throws Exception {
        JsonPath shipped = Api.connection("payment-reminders");
        assertThat(shipped.getString("source")).isEqualTo("payments");
        assertThat(shipped.getString("delivery")).isEqualTo("email");
        assertThat(shipped.getBoolean("enabled")).as("switched off on a fresh install").isFalse();
        assertThat(Api.connection("payment-thanks").getBoolean("enabled")).isFalse();
        assertThat(Api.connection("landing-orders").getString("source")).isEqualTo("webhook");

        Api.post("landing-orders", Map.of("order_id", "EX-1", "name", "Оксана Коваль", "email", "ex1@example.com",
                "amount", "1 250,50"));
        JsonPath invoiced = Api.run("landing-orders");
        long id = Api.runDetail(invoiced.getString("id"))
                .getLong("records.find { it.recordKey == 'EX-1' && it.outcome == 'DELIVERED' }.recordId");
        mail.purgeEmailFromAllMailboxes();

        Api.run("payment-reminders");
        assertThat(to("ex1@example.com")).as("not before 12 hours").isEmpty();

        jdbc.update("UPDATE payment_status SET invoiced_at = ? WHERE record_id = ?",
                Instant.now().minus(Duration.ofHours(13)), id);
        Api.run("payment-reminders");
        List<MimeMessage> reminders = to("ex1@example.com");
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).getSubject()).isEqualTo("Нагадування: рахунок на 1 250,50 грн ще не сплачено — Замовлення EX-1");

        portmone.markPaid("landing-orders_EX-1");
        Payments.poll("shop");
        mail.purgeEmailFromAllMailboxes();
        Api.run("payment-thanks");
        Api.run("payment-thanks");
        Api.run("payment-reminders");
        List<MimeMessage> thanks = to("ex1@example.com");
        assertThat(thanks).hasSize(1);
        assertThat(thanks.get(0).getSubject()).startsWith("Дякуємо за оплату 1 250,50 грн");
        assertThat((String) thanks.get(0).getContent()).contains("Оксана Коваль");
    }

    private static Map<String, Object> uk(Map<String, Object> order) {
        return language(order, "uk");
    }

    private static Map<String, Object> en(Map<String, Object> order) {
        return language(order, "en");
    }

    private static Map<String, Object> language(Map<String, Object> order, String language) {
        Map<String, Object> copy = new HashMap<>(order);
        copy.put("lang", language);
        return copy;
    }

    private List<MimeMessage> to(String address) throws Exception {
        mail.waitForIncomingEmail(300, Integer.MAX_VALUE);
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
