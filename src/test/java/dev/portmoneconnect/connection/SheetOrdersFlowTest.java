package dev.portmoneconnect.connection;

import dev.portmoneconnect.flow.Invoice;
import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakeSheets;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example sheet connection (routes/sheet-orders.camel.yaml) end to end: the first run notes the
 * orders already in the sheet, the next one invoices the rows added since, e-mails the links and
 * writes each row's outcome back next to it.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(20)
class SheetOrdersFlowTest {

    static final List<Object> HEADER = List.of("Order ID", "Order date", "Name", "Email", "Phone", "Amount",
            "Product", "Invoice link", "Status", "Sent at");

    FakePortmone portmone;
    GreenMail mail;
    FakeSheets sheets;

    @Test
    void newRowsOfTheSheetAreInvoicedMailedAndMarkedInTheSheet() throws Exception {
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
        sheets.reset();
        FakeSheets.Sheet orders = sheets.sheet(FakesResource.SHEET_ORDERS_SPREADSHEET, "Orders");
        orders.setRows(List.of(HEADER,
                List.of("SO-1", 45680, "Old Order", "old@example.com", 380501112233L, 100, "Tea"),
                List.of("SO-2", 45681, "Older Order", "older@example.com", 380501112234L, 200, "Coffee")));

        JsonPath first = Api.run("sheet-orders");
        assertThat(first.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(first.getInt("counts.records")).isZero();
        assertThat(portmone.requests()).isEmpty();

        orders.insertRow(2, List.of("SO-3", 45688, "Іван Петренко", "ivan@example.com", 380501234567L, 1250.5,
                "Кава в зернах"));
        orders.appendRow(Arrays.asList("SO-4", 45688.5, "Olena Koval", "olena@example.com", "", 300, "Green tea"));

        JsonPath second = Api.run("sheet-orders");
        assertThat(second.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(second.getInt("counts.delivered")).isEqualTo(2);
        assertThat(portmone.problems()).isEmpty();
        assertThat(portmone.orders()).containsOnlyKeys("sheet-orders_SO-3", "sheet-orders_SO-4");
        var order = portmone.requestsFor("sheet-orders_SO-3").get(0).path("order");
        assertThat(order.path("billAmount").asText()).isEqualTo("1250.50");
        assertThat(order.path("description").asText()).isEqualTo("Кава в зернах");
        assertThat(order.path("attribute2").asText()).isEqualTo("380501234567");

        assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();
        Map<String, MimeMessage> byRecipient = new java.util.HashMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            byRecipient.put(m.getAllRecipients()[0].toString(), m);
        }
        String link3 = portmone.orders().get("sheet-orders_SO-3");
        String link4 = portmone.orders().get("sheet-orders_SO-4");
        assertThat((String) byRecipient.get("ivan@example.com").getContent()).contains(link3);
        assertThat((String) byRecipient.get("olena@example.com").getContent()).contains(link4);

        assertThat(sheets.writes()).hasSize(1);
        assertThat(orders.rowOf("Order ID", "SO-3")).isEqualTo(2);
        assertThat(orders.cell(2, "Invoice link")).isEqualTo(link3);
        assertThat(orders.cell(2, "Status")).isEqualTo("Sent");
        assertThat((String) orders.cell(2, "Sent at")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(orders.cell(5, "Invoice link")).isEqualTo(link4);
        assertThat(orders.cell(3, "Status")).isNull();
        assertThat(orders.cell(4, "Status")).isNull();
        assertThat(orders.cell(2, "Amount")).isEqualTo(1250.5);
        assertThat(sheets.problems()).isEmpty();

        JsonPath third = Api.run("sheet-orders");
        assertThat(third.getInt("counts.records")).isZero();
        assertThat(portmone.requests()).hasSize(2);
        assertThat(sheets.writes()).hasSize(1);
        assertThat(sheets.reads()).as("one read per run, and one before the write of the run that invoiced")
                .hasSize(4);
        assertThat(sheets.calls()).isEqualTo(5);
    }

    @Test
    void previewAndTestSendOfASheetConnectionLeaveItsRowsForTheRealRun() throws Exception {
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
        sheets.reset();
        FakeSheets.Sheet orders = sheets.sheet(FakesResource.SHEET_ORDERS_SPREADSHEET, "Orders");
        orders.setRows(List.of(HEADER,
                List.of("SO-20", 45690, "Taras Test", "taras@example.com", 380501112233L, 77, "Honey")));
        Api.run("sheet-orders");
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
        orders.appendRow(List.of("SO-21", 45691, "Petro Preview", "petro@example.com", 380501112234L, 88, "Jam"));

        JsonPath preview = given().when().post("/api/connections/sheet-orders/preview").then().statusCode(200)
                .extract().jsonPath();
        assertThat(preview.getList("records.recordKey")).contains("SO-21").doesNotContain("SO-20");
        assertThat(preview.getString("records.find { it.recordKey == 'SO-21' }.invoice.payerName"))
                .isEqualTo("Petro Preview");

        JsonPath test = given().contentType(ContentType.JSON).body(Map.of("email", "tester@shop.example"))
                .when().post("/api/connections/sheet-orders/test?wait=true").then().statusCode(200)
                .extract().jsonPath();
        assertThat(test.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(portmone.orders().keySet()).allMatch(k -> k.contains("~test-")).hasSize(1);
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("tester@shop.example");

        JsonPath real = Api.run("sheet-orders");
        assertThat(real.getInt("counts.delivered")).isEqualTo(1);
        assertThat(portmone.orders()).containsKey("sheet-orders_SO-21");
    }
}
