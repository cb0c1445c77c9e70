package dev.portmoneconnect.payments;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/invoices as JSON and CSV, with its filters, and the dashboard's payment figures per connection. */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(37)
class InvoicesAndFiguresTest {

    FakePortmone portmone;
    GreenMail mail;

    static Map<String, Long> ids;

    @BeforeEach
    void invoicesOnce() throws Exception {
        if (ids != null) {
            return;
        }
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
        ids = Payments.invoice("sum-orders", List.of(
                Payments.order("S-1", "Paid Payer", "s1@example.com", "1 250,50"),
                Payments.order("S-2", "=HYPERLINK(\"x\")", "s2@example.com", 100),
                Payments.order("S-3", "Declined, Payer", "s3@example.com", 49.5),
                Payments.order("S-4", "Open Payer", "s4@example.com", 1000)));
        portmone.markPaid("sum-orders_S-1");
        portmone.markRejected("sum-orders_S-3");
        Payments.poll("shop");
    }

    @Test
    void theListFiltersByConnectionStatusAndDay() {
        JsonPath all = given().get("/api/invoices?connection=sum-orders").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertThat(all.getList("orderNumber")).containsExactlyInAnyOrder("sum-orders_S-1", "sum-orders_S-2",
                "sum-orders_S-3", "sum-orders_S-4");
        assertThat(all.getString("find { it.orderNumber == 'sum-orders_S-1' }.status")).isEqualTo("PAID");
        assertThat(all.getString("find { it.orderNumber == 'sum-orders_S-1' }.billId"))
                .isEqualTo(portmone.order("sum-orders_S-1").billId());
        assertThat(all.getString("find { it.orderNumber == 'sum-orders_S-1' }.paymentLink"))
                .isEqualTo(portmone.orders().get("sum-orders_S-1"));
        assertThat(all.getString("find { it.orderNumber == 'sum-orders_S-4' }.payerName")).isEqualTo("Open Payer");
        assertThat(all.getLong("find { it.orderNumber == 'sum-orders_S-4' }.openSeconds")).isBetween(0L, 600L);
        assertThat(all.getString("find { it.orderNumber == 'sum-orders_S-1' }.openSeconds")).isNull();

        assertThat(orders("status=paid")).containsExactly("sum-orders_S-1");
        assertThat(orders("status=unpaid")).containsExactlyInAnyOrder("sum-orders_S-2", "sum-orders_S-4");
        assertThat(orders("status=REJECTED")).containsExactly("sum-orders_S-3");
        assertThat(orders("status=open")).containsExactlyInAnyOrder("sum-orders_S-2", "sum-orders_S-3",
                "sum-orders_S-4");
        assertThat(orders("status=paid,rejected")).containsExactlyInAnyOrder("sum-orders_S-1", "sum-orders_S-3");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Kyiv"));
        assertThat(orders("from=" + today + "&to=" + today)).hasSize(4);
        assertThat(orders("to=" + today.minusDays(1))).isEmpty();
        assertThat(orders("from=" + today.plusDays(1))).isEmpty();
        assertThat(orders("status=unpaid&limit=1")).hasSize(1);

        given().get("/api/invoices?status=owed").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.containsString("owed"));
        given().get("/api/invoices?from=yesterday").then().statusCode(400);
    }

    @Test
    void theListComesAsCsvWithAFixedHeaderAndNoFormulas() {
        Response csv = given().accept("text/csv").get("/api/invoices?connection=sum-orders");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("invoices.csv");
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("recordId,connection,recordKey,orderNumber,status,amount,currency,paidAmount,"
                + "paidAt,billId,invoicedAt,expiresAt,openSeconds,payerName,payerEmail,payerPhone,description,"
                + "paymentLink,test");
        assertThat(lines).hasSize(5);
        String paid = lines.stream().filter(l -> l.contains("sum-orders_S-1")).findFirst().orElseThrow();
        assertThat(Arrays.asList(paid.split(","))).contains("PAID", "1250.50", "UAH", "Paid Payer");
        assertThat(lines).anyMatch(l -> l.contains("\"Declined, Payer\""));
        assertThat(lines).anyMatch(l -> l.contains("'=HYPERLINK"));
        assertThat(given().get("/api/invoices?connection=sum-orders&format=csv&status=paid").asString().lines())
                .hasSize(2);
        assertThat(given().get("/api/invoices?connection=no-such&format=csv").asString().lines()).hasSize(1);
    }

    @Test
    void theDashboardShowsEachConnectionsFiguresAndItsUnpaidInvoicesInUkrainian() {
        String page = given().get("/connections/sum-orders?lang=uk").then().statusCode(200).extract().asString();
        assertThat(page).contains("Оплати").contains("Виставлено рахунків").contains("Очікує оплати")
                .contains("Неоплачені рахунки");
        // 4 invoices for 2 400,00 грн, 1 paid (1 250,50 грн), 3 open for 1 149,50 грн
        assertThat(row(page, "invoiced")).contains(">4<").contains("2 400,00 грн");
        assertThat(row(page, "paid")).contains(">1<").contains("1 250,50 грн");
        assertThat(row(page, "outstanding")).contains(">3<").contains("1 149,50 грн");
        assertThat(page).contains("data-order=\"sum-orders_S-4\"").contains("1 000,00 грн")
                .doesNotContain("data-order=\"sum-orders_S-1\"").contains("платіж відхилено");
        assertThat(page).containsPattern("class=\"open-for\">\\d+ хв<");

        String en = given().get("/connections/sum-orders?lang=en").then().statusCode(200).extract().asString();
        assertThat(en).contains("Payments").contains("UAH 2,400.00").contains("Unpaid invoices")
                .containsPattern("class=\"open-for\">\\d+ min<");

        String overview = given().get("/?lang=uk").then().statusCode(200).extract().asString();
        assertThat(overview).contains("оплачено 1 з 4").contains("до сплати 1 149,50 грн");
    }

    private static List<String> orders(String query) {
        return given().get("/api/invoices?connection=sum-orders&" + query).then().statusCode(200).extract()
                .jsonPath().getList("orderNumber");
    }

    /** The figures table's row of one figure. */
    private static String row(String page, String figure) {
        int start = page.indexOf("data-figure=\"" + figure + "\"");
        assertThat(start).as("row %s", figure).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
