package dev.portmoneconnect.source;

import dev.portmoneconnect.flow.Invoice;
import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakeSheets;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sheet connections that write back fill a "Paid at" column when the header has one: the time
 * Portmone confirmed the payment, on the paid order's row wherever it has moved, and without the
 * row ever looking edited.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(37)
class SheetPaidAtTest {

    static final List<Object> HEADER = List.of("Order ID", "Order date", "Name", "Email", "Amount", "Product",
            "Invoice link", "Status", "Sent at", "Paid at");
    static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    FakePortmone portmone;
    GreenMail mail;
    FakeSheets sheets;

    @BeforeEach
    void clean() throws Exception {
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
        sheets.reset();
    }

    @Test
    void thePaymentTimeIsWrittenOnThePaidOrdersRowWhereverItMoved() {
        FakeSheets.Sheet sheet = sheets.sheet("test-sheet-keyed", "Orders");
        sheet.setRows(List.of(HEADER, order("PA-1", "Halyna", 110), order("PA-2", "Ihor", 120),
                order("PA-3", "Yulia", 130)));
        assertThat(Api.run("test-sheet").getInt("counts.delivered")).isEqualTo(3);
        assertThat(sheet.cell(sheet.rowOf("Order ID", "PA-2"), "Paid at")).isEqualTo("");

        FakePortmone.Order paid = portmone.markPaid("test-sheet_PA-2");
        given().post("/api/payments/poll?wait=true&account=shop").then().statusCode(200);

        // between runs the rows move: a new order on top, the paid one last
        List<List<Object>> rows = new ArrayList<>(sheet.rows());
        List<Object> pa2 = rows.remove(sheet.rowOf("Order ID", "PA-2") - 1);
        rows.add(1, order("PA-4", "Kateryna", 140));
        rows.add(pa2);
        sheet.setRows(rows);

        JsonPath next = Api.run("test-sheet");
        assertThat(next.getInt("counts.delivered")).as("only the new order is invoiced").isEqualTo(1);
        int row = sheet.rowOf("Order ID", "PA-2");
        assertThat(row).isEqualTo(5);
        assertThat(sheet.cell(row, "Paid at")).isEqualTo(WRITTEN.format(paid.payDate().atZone(ZoneId.of("Europe/Kyiv"))));
        assertThat(sheet.cell(row, "Status")).isEqualTo("Sent");
        for (String other : List.of("PA-1", "PA-3", "PA-4")) {
            Object cell = sheet.cell(sheet.rowOf("Order ID", other), "Paid at");
            assertThat(cell == null ? "" : cell).as("Paid at of %s", other).isEqualTo("");
        }
        assertThat(sheets.problems()).isEmpty();
    }

    @Test
    void aPaidAtCellNeverMakesARowWithoutKeyLookNew() {
        FakeSheets.Sheet sheet = sheets.sheet("test-sheet-hash", "Web orders");
        sheet.setRows(List.of(List.of("Orders from the web shop"),
                List.of("", "Name", "Email", "Amount", "Product", "Invoice link", "Status", "Paid at"),
                Arrays.asList(null, "Lesia", "lesia@example.com", 41, "Hat"),
                Arrays.asList(null, "Marko", "marko@example.com", 42, "Belt")));
        JsonPath first = Api.run("test-sheet-hash");
        assertThat(first.getInt("counts.delivered")).isEqualTo(2);
        String lesiaOrder = portmone.orders().keySet().stream()
                .filter(o -> portmone.requestsFor(o).get(0).path("order").path("billAmount").asText().equals("41.00"))
                .findFirst().orElseThrow();
        portmone.markPaid(lesiaOrder);
        given().post("/api/payments/poll?wait=true&account=shop").then().statusCode(200);

        assertThat(Api.run("test-sheet-hash").getInt("counts.records")).isZero();
        assertThat(String.valueOf(sheet.rows().get(2).get(7))).as("H3, Lesia's Paid at").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(Api.run("test-sheet-hash").getInt("counts.records")).as("the filled cell changes no key").isZero();
        assertThat(portmone.requests()).hasSize(2);
    }

    static List<Object> order(String id, String name, Object amount) {
        return Arrays.asList(id, 45688, name, name.toLowerCase() + "@example.com", amount, "Order " + id);
    }
}
