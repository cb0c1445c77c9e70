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
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * What people do to a sheet while the app works on it: rows inserted above, sorted or deleted between
 * a run's read and its write-back, one Order ID typed on two rows, an id reused after it was
 * delivered, numbers typed as text, a range that starts below its header. Each outcome lands on the
 * row of its own record or nowhere; no order is invoiced twice and none is skipped without a word.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(31)
class SheetEditsDuringRunTest {

    static final List<Object> HEADER = SheetRowsFlowTest.HEADER;

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
    void aRowInsertedAboveDuringTheRunLeavesEveryOutcomeOnTheRowOfItsOwnOrder() {
        FakeSheets.Sheet sheet = sheets.sheet("sheet-edits", "Orders");
        sheet.setRows(List.of(HEADER, order("I-1", "Anna", 10), order("I-2", "Bohdan", 20),
                order("I-3", "Chrystia", 30)));
        sheets.afterNextRead(() -> sheet.insertRow(2, order("I-0", "Dmytro", 5)));

        JsonPath run = Api.run("sheet-edits");

        assertThat(run.getInt("counts.delivered")).isEqualTo(3);
        assertThat(sheets.readCalls()).as("the run's read, and the read before its write").isEqualTo(2);
        assertThat(sheets.writeCalls()).isEqualTo(1);
        for (String id : List.of("I-1", "I-2", "I-3")) {
            assertSent(sheet, id);
        }
        int inserted = sheet.rowOf("Order ID", "I-0");
        assertThat(inserted).isEqualTo(2);
        assertThat(sheet.cell(inserted, "Status")).isNull();
        assertThat(sheet.cell(inserted, "Invoice link")).isNull();
        assertEachLinkOnce(sheet);

        JsonPath next = Api.run("sheet-edits");
        assertThat(SheetRowsFlowTest.outcomes(next)).containsOnly(Map.entry("I-0", "DELIVERED"));
        for (String id : List.of("I-0", "I-1", "I-2", "I-3")) {
            assertSent(sheet, id);
        }
        assertEachLinkOnce(sheet);
        assertThat(sheets.problems()).isEmpty();
    }

    @Test
    void aSortDuringTheRunLeavesTheFailedRowFailedAndEachLinkOnItsPayersRow() {
        FakeSheets.Sheet sheet = sheets.sheet("sheet-edits", "Orders");
        sheet.setRows(List.of(HEADER, order("S-1", "Anna", 10), order("S-2", "Bohdan", "abc"),
                order("S-3", "Chrystia", 30), order("S-4", "Dmytro", 40)));
        sheets.afterNextRead(() -> sheet.sortBy("Name", true));

        JsonPath run = Api.run("sheet-edits");

        assertThat(run.getString("status")).isEqualTo("PARTIAL");
        assertThat(run.getInt("counts.delivered")).isEqualTo(3);
        assertThat(run.getInt("counts.failed")).isEqualTo(1);
        assertThat(sheet.rowOf("Order ID", "S-4")).as("sorted Z to A by name").isEqualTo(2);
        for (String id : List.of("S-1", "S-3", "S-4")) {
            assertSent(sheet, id);
        }
        int failed = sheet.rowOf("Order ID", "S-2");
        assertThat((String) sheet.cell(failed, "Status")).startsWith("Failed: amount");
        assertThat(sheet.cell(failed, "Invoice link")).isEqualTo("");
        assertEachLinkOnce(sheet);
        assertThat(portmone.orders()).containsOnlyKeys("sheet-edits_S-1", "sheet-edits_S-3", "sheet-edits_S-4");
    }

    @Test
    void aRowDeletedDuringTheRunIsShownOnTheRunAndItsOutcomeWrittenNowhere() {
        FakeSheets.Sheet sheet = sheets.sheet("sheet-edits", "Orders");
        sheet.setRows(List.of(HEADER, order("D-1", "Anna", 10), order("D-2", "Bohdan", 20),
                order("D-3", "Chrystia", 30)));
        sheets.afterNextRead(() -> sheet.deleteRow(sheet.rowOf("Order ID", "D-2")));

        JsonPath run = Api.run("sheet-edits");

        assertThat(run.getInt("counts.delivered")).isEqualTo(3);
        assertSent(sheet, "D-1");
        assertSent(sheet, "D-3");
        assertThat(sheet.rows()).hasSize(3);
        assertEachLinkOnce(sheet);
        List<Map<String, Object>> notes = Api.runDetail(run.getString("id"))
                .getList("records.findAll { it.outcome == 'NOT_WRITTEN_BACK' }");
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0)).containsEntry("recordKey", "D-2").containsEntry("step", "write-back")
                .containsEntry("status", "DELIVERED");
        assertThat((String) notes.get(0).get("message"))
                .isEqualTo("no row has Order ID D-2 any more: its outcome (Sent) was not written into the sheet");
        given().when().get("/runs/" + run.getString("id")).then().statusCode(200)
                .body(containsString("no row has Order ID D-2 any more"));

        int writes = sheets.writeCalls();
        JsonPath quiet = Api.run("sheet-edits");
        assertThat(quiet.getInt("counts.records")).isZero();
        assertThat(sheets.writeCalls()).as("the outcome is not tried again").isEqualTo(writes);
    }

    @Test
    void twoRowsWithOneOrderIdInvoiceTheFirstAndFailTheOtherNamingItsRow() throws Exception {
        FakeSheets.Sheet sheet = sheets.sheet("sheet-edits", "Orders");
        sheet.setRows(List.of(HEADER, order("DUP-1", "Anna", 10), order("X-1", "Bohdan", 20),
                order("DUP-1", "Chrystia", 30)));

        JsonPath run = Api.run("sheet-edits");

        assertThat(run.getString("status")).isEqualTo("PARTIAL");
        assertThat(run.getInt("counts.delivered")).isEqualTo(2);
        assertThat(run.getInt("counts.failed")).isEqualTo(1);
        assertThat(portmone.orders()).containsOnlyKeys("sheet-edits_DUP-1", "sheet-edits_X-1");
        assertThat(portmone.requestsFor("sheet-edits_DUP-1")).hasSize(1);
        assertThat(portmone.requestsFor("sheet-edits_DUP-1").get(0).path("order").path("billAmount").asText())
                .isEqualTo("10.00");
        assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(Arrays.stream(mail.getReceivedMessages()).map(SheetEditsDuringRunTest::recipient))
                .containsExactlyInAnyOrder("anna@example.com", "bohdan@example.com");

        assertThat(sheet.cell(2, "Invoice link")).isEqualTo(portmone.orders().get("sheet-edits_DUP-1"));
        assertThat(sheet.cell(2, "Status")).isEqualTo("Sent");
        assertThat(sheet.cell(4, "Status")).isEqualTo("Failed: Order ID: DUP-1 is also row 2");
        assertThat(sheet.cell(4, "Invoice link")).isEqualTo("");

        Map<String, Object> failed = Api.runDetail(run.getString("id"))
                .getMap("records.find { it.outcome == 'FAILED' }");
        assertThat((String) failed.get("recordKey")).startsWith("DUP-1#dup-");
        assertThat(failed).containsEntry("field", "Order ID").containsEntry("message", "Order ID: DUP-1 is also row 2")
                .containsEntry("status", "FAILED");
        given().when().get("/connections/sheet-edits").then().statusCode(200)
                .body(containsString("DUP-1 is also row 2"));

        sheet.sortBy("Name", true);
        assertThat(sheet.rowOf("Order ID", "DUP-1")).as("Chrystia's row is first now").isEqualTo(2);
        int writes = sheets.writeCalls();
        JsonPath sorted = Api.run("sheet-edits");
        assertThat(sorted.getInt("counts.records")).isZero();
        assertThat(sheets.writeCalls()).isEqualTo(writes);
        assertThat(portmone.requestsFor("sheet-edits_DUP-1")).hasSize(1);
    }

    @Test
    void aNewRowThatReusesADeliveredOrderIdFailsAndTheDeliveredRowKeepsItsLink() throws Exception {
        FakeSheets.Sheet sheet = sheets.sheet("sheet-edits", "Orders");
        sheet.setRows(List.of(HEADER, order("R-1", "Anna", 10)));
        Api.run("sheet-edits");
        String link = portmone.orders().get("sheet-edits_R-1");
        assertThat(sheet.cell(2, "Invoice link")).isEqualTo(link);
        mail.purgeEmailFromAllMailboxes();

        sheet.insertRow(2, order("R-1", "Bohdan", 99));
        JsonPath reused = Api.run("sheet-edits");

        assertThat(SheetRowsFlowTest.outcomes(reused)).hasSize(1).containsValue("FAILED");
        assertThat(reused.getInt("counts.delivered")).isZero();
        assertThat(sheet.cell(2, "Status")).isEqualTo("Failed: Order ID: R-1 is also row 3");
        assertThat(sheet.cell(3, "Invoice link")).isEqualTo(link);
        assertThat(sheet.cell(3, "Status")).isEqualTo("Sent");
        assertThat(portmone.requestsFor("sheet-edits_R-1")).hasSize(1);
        assertThat(mail.waitForIncomingEmail(500, 1)).isFalse();

        JsonPath again = Api.run("sheet-edits");
        assertThat(again.getInt("counts.records")).as("reported once, until the row changes").isZero();
    }

    @Test
    void anOrderIdTypedAsANumberOrAsItsTextIsOneOrder() {
        FakeSheets.Sheet sheet = sheets.sheet("sheet-edits", "Orders");
        sheet.setRows(List.of(HEADER, order(new BigDecimal("16016"), "Anna", 10)));
        assertThat(Api.run("sheet-edits").getInt("counts.delivered")).isEqualTo(1);
        assertThat(portmone.orders()).containsOnlyKeys("sheet-edits_16016");

        sheet.setRows(List.of(HEADER, order(" 16016 ", "Anna", 10), order("16016.0", "Anna", 10)));
        JsonPath text = Api.run("sheet-edits");
        assertThat(text.getInt("counts.delivered")).isZero();
        assertThat(portmone.requests()).hasSize(1);
    }

    @Test
    void withoutAKeyColumnACellTurnedFromNumberToTextIsTheSameOrder() {
        FakeSheets.Sheet sheet = sheets.sheet("sheet-nokey", "Orders");
        sheet.setRows(List.of(HEADER,
                Arrays.asList(new BigDecimal("16016"), 45688, "Anna", "anna@example.com", 100, "Tea")));
        JsonPath first = Api.run("sheet-nokey");
        assertThat(first.getInt("counts.delivered")).isEqualTo(1);
        String link = (String) sheet.cell(2, "Invoice link");
        assertThat(link).isNotBlank();

        sheet.setRows(List.of(HEADER,
                Arrays.asList("16016", "31.01.2025", " Anna ", "anna@example.com", "100", "Tea", link, "Sent")));
        JsonPath typed = Api.run("sheet-nokey");
        assertThat(typed.getInt("counts.records")).isZero();
        assertThat(portmone.requests()).hasSize(1);
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aRangeThatStartsBelowItsHeaderIsRefusedNamingTheRangeAndTheFieldsTheMappingReads() {
        FakeSheets.Sheet sheet = sheets.sheet("sheet-below", "Orders");
        sheet.setRows(List.of(HEADER, order("B-1", "Anna", 10), order("B-2", "Bohdan", 20)));

        JsonPath run = Api.run("sheet-below");

        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("Row 2 of Orders!A2:").contains("does not look like a header row")
                .contains("(Name, Email, Amount, Product)");
        assertThat(portmone.requests()).isEmpty();
        given().when().post("/api/connections/sheet-below/preview").then().statusCode(409)
                .body("error", containsString("does not look like a header row"));
    }

    void assertSent(FakeSheets.Sheet sheet, String id) {
        int row = sheet.rowOf("Order ID", id);
        assertThat(row).as(id).isPositive();
        assertThat(sheet.cell(row, "Status")).as("Status of " + id).isEqualTo("Sent");
        assertThat(sheet.cell(row, "Invoice link")).as("link of " + id)
                .isNotNull().isEqualTo(portmone.orders().get("sheet-edits_" + id));
    }

    static void assertEachLinkOnce(FakeSheets.Sheet sheet) {
        List<Object> links = new ArrayList<>();
        for (int row = 2; row <= sheet.rows().size(); row++) {
            Object link = sheet.cell(row, "Invoice link");
            if (link != null && !"".equals(link)) {
                links.add(link);
            }
        }
        assertThat(links).doesNotHaveDuplicates().allMatch(Objects::nonNull);
    }

    static List<Object> order(Object id, String name, Object amount) {
        return Arrays.asList(id, 45688, name, name.toLowerCase() + "@example.com", amount, "Order " + id);
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
