package dev.portmoneconnect.source;

import dev.portmoneconnect.flow.Invoice;
import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sheet connections against the fake Sheets API: whatever happens to the sheet between runs
 * (rows inserted, deleted, sorted, edited, blank rows), each row is invoiced exactly once and none
 * is missed; outcomes are written back next to the right rows in one call per run.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(30)
class SheetRowsFlowTest {

    static final List<Object> HEADER = List.of("Order ID", "Order date", "Name", "Email", "Amount", "Product",
            "Invoice link", "Status", "Sent at");

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
    void everyRowIsInvoicedOnceWhateverHappensToTheSheetBetweenRuns() throws Exception {
        FakeSheets.Sheet sheet = sheets.sheet("test-sheet-keyed", "Orders");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(order("A-1", "Anna", 100));
        rows.add(order("A-2", "Bohdan", 200));
        rows.add(List.of());
        rows.add(Arrays.asList("", null, "  "));
        rows.add(order("A-3", "Chrystia", 300));
        sheet.setRows(rows);

        JsonPath first = Api.run("test-sheet");
        assertThat(first.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(first.getInt("counts.delivered")).isEqualTo(3);
        assertThat(portmone.orders()).containsOnlyKeys("test-sheet_A-1", "test-sheet_A-2", "test-sheet_A-3");

        sheet.insertRow(3, order("A-4", "Dmytro", 400));
        sheet.deleteRow(sheet.rowOf("Order ID", "A-1"));
        List<List<Object>> edited = sheet.rows();
        int a2 = sheet.rowOf("Order ID", "A-2") - 1;
        List<Object> a2Row = new ArrayList<>(edited.get(a2));
        a2Row.set(4, 250);
        edited.set(a2, a2Row);
        List<List<Object>> body = new ArrayList<>(edited.subList(1, edited.size()));
        body.sort(Comparator.comparing((List<Object> r) -> r.size() > 2 ? String.valueOf(r.get(2)) : "").reversed());
        List<List<Object>> sorted = new ArrayList<>();
        sorted.add(HEADER);
        sorted.addAll(body);
        sorted.add(order("A-5", "Eva", 500));
        sheet.setRows(sorted);

        JsonPath second = Api.run("test-sheet");
        assertThat(second.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(second.getInt("counts.delivered")).isEqualTo(2);
        assertThat(second.getInt("counts.skipped")).isZero();
        assertThat(recordKeys(second)).containsExactlyInAnyOrder("A-4", "A-5");

        JsonPath third = Api.run("test-sheet");
        assertThat(third.getInt("counts.records")).isZero();

        for (String id : List.of("A-1", "A-2", "A-3", "A-4", "A-5")) {
            assertThat(portmone.requestsFor("test-sheet_" + id)).as(id).hasSize(1);
        }
        assertThat(mail.waitForIncomingEmail(5000, 5)).isTrue();
        assertThat(mail.getReceivedMessages()).hasSize(5);
        assertThat(sheets.reads()).as("a read per run, and one before each write").hasSize(5);
        assertThat(sheets.writes()).hasSize(2);
        assertThat(sheets.problems()).isEmpty();
    }

    @Test
    void aFailedRowIsTriedAgainOnlyWhenItsContentChanges() {
        FakeSheets.Sheet sheet = sheets.sheet("test-sheet-keyed", "Orders");
        sheet.setRows(List.of(HEADER,
                Arrays.asList("F-1", null, "Fedir", "", 120, "Boots"),
                order("F-2", "Halyna", 80)));

        JsonPath first = Api.run("test-sheet");
        assertThat(first.getString("status")).isEqualTo("PARTIAL");
        Map<String, String> outcomes = outcomes(first);
        assertThat(outcomes).containsEntry("F-1", "FAILED").containsEntry("F-2", "DELIVERED");
        int f1 = sheet.rowOf("Order ID", "F-1");
        assertThat(sheet.cell(f1, "Status")).asString().startsWith("Failed: payerEmail");

        JsonPath unchanged = Api.run("test-sheet");
        assertThat(unchanged.getInt("counts.records")).isZero();

        sheet.setRows(List.of(HEADER, order("F-2", "Halyna", 80),
                Arrays.asList("F-1", null, "Fedir", "fedir@example.com", 120, "Boots")));
        JsonPath fixed = Api.run("test-sheet");
        assertThat(outcomes(fixed)).containsOnly(Map.entry("F-1", "DELIVERED"));
        assertThat(portmone.requestsFor("test-sheet_F-1")).hasSize(1);
        assertThat(portmone.requestsFor("test-sheet_F-2")).hasSize(1);
        assertThat(sheet.cell(sheet.rowOf("Order ID", "F-1"), "Status")).isEqualTo("Sent");
    }

    @Test
    void outcomesAreWrittenBackInOneCallToTheRowsWhereTheRecordsAreNow() {
        FakeSheets.Sheet sheet = sheets.sheet("test-sheet-keyed", "Orders");
        sheet.setRows(List.of(HEADER, order("W-1", "Iryna", 10), order("W-2", "Kyrylo", 20)));
        Api.run("test-sheet");
        assertThat(sheets.writes()).hasSize(1);

        sheet.setRows(List.of(HEADER,
                order("W-3", "Larysa", 30),
                Arrays.asList("W-4", 45688.75, "Maksym", "", 40, "Hat"),
                sheet.rows().get(2),
                sheet.rows().get(1)));
        Api.run("test-sheet");

        assertThat(sheets.writes()).hasSize(2);
        JsonNode write = sheets.writes().get(1);
        assertThat(write.path("valueInputOption").asText()).isEqualTo("RAW");
        Map<String, JsonNode> byRange = StreamSupport.stream(write.path("data").spliterator(), false)
                .collect(Collectors.toMap(d -> d.path("range").asText(), d -> d.path("values")));
        assertThat(byRange).containsOnlyKeys("Orders!G2:I2", "Orders!G3:I3");
        String w3Link = portmone.orders().get("test-sheet_W-3");
        JsonNode w3 = byRange.get("Orders!G2:I2").get(0);
        assertThat(w3.get(0).asText()).isEqualTo(w3Link);
        assertThat(w3.get(1).asText()).isEqualTo("Sent");
        assertThat(w3.get(2).asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        JsonNode w4 = byRange.get("Orders!G3:I3").get(0);
        assertThat(w4.get(0).asText()).isEmpty();
        assertThat(w4.get(1).asText()).startsWith("Failed: payerEmail: is required");
        assertThat(w4.get(2).asText()).isEmpty();

        assertThat(sheet.cell(2, "Invoice link")).isEqualTo(w3Link);
        assertThat(sheet.cell(4, "Status")).isEqualTo("Sent");
        assertThat(sheet.cell(4, "Invoice link")).isEqualTo(portmone.orders().get("test-sheet_W-2"));
        assertThat(sheet.cell(5, "Invoice link")).isEqualTo(portmone.orders().get("test-sheet_W-1"));

        JsonPath quiet = Api.run("test-sheet");
        assertThat(quiet.getInt("counts.records")).isZero();
        assertThat(sheets.writes()).hasSize(2);
    }

    @Test
    void serialDatesArriveAsIsoDates() {
        FakeSheets.Sheet sheet = sheets.sheet("test-sheet-keyed", "Orders");
        sheet.setRows(List.of(HEADER, Arrays.asList("D-1", 45688, "Nazar", "nazar@example.com", 55.5, "Order of")));
        JsonPath run = Api.run("test-sheet");
        assertThat(run.getInt("counts.delivered")).isEqualTo(1);
        assertThat(portmone.requestsFor("test-sheet_D-1").get(0).path("order").path("billAmount").asText())
                .isEqualTo("55.50");
        JsonPath detail = Api.runDetail(run.getString("id"));
        assertThat(detail.getString("records[0].status")).isEqualTo("DELIVERED");
    }

    @Test
    void aQuotaErrorIsWaitedOutAsGoogleAsksAndTheRunGoesOn() {
        FakeSheets.Sheet sheet = sheets.sheet("test-sheet-keyed", "Orders");
        sheet.setRows(List.of(HEADER, order("Q-1", "Oksana", 70)));
        sheets.failNextReads(1, 429, "1");

        JsonPath run = Api.run("test-sheet");

        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("counts.delivered")).isEqualTo(1);
        assertThat(sheets.reads()).as("the refused read, its retry and the read before the write").hasSize(3);
        assertThat(portmone.requestsFor("test-sheet_Q-1")).hasSize(1);
    }

    @Test
    void aSheetThatStaysUnavailableEndsTheRunCleanlyAndTheNextRunCatchesUp() {
        FakeSheets.Sheet sheet = sheets.sheet("test-sheet-keyed", "Orders");
        sheet.setRows(List.of(HEADER, order("U-1", "Petro", 90)));
        sheets.failNextReads(100, 503, null);

        JsonPath failed = Api.run("test-sheet");
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("error")).contains("Google Sheets kept failing reading Orders!A:Z")
                .contains("HTTP 503").contains("the next run tries again");
        assertThat(sheets.reads()).hasSize(6);
        assertThat(portmone.requests()).isEmpty();

        sheets.failNextReads(0, 503, null);
        JsonPath next = Api.run("test-sheet");
        assertThat(next.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(outcomes(next)).containsOnly(Map.entry("U-1", "DELIVERED"));
    }

    @Test
    void aWriteBackThatFailsIsWrittenByTheNextRun() {
        FakeSheets.Sheet sheet = sheets.sheet("test-sheet-keyed", "Orders");
        sheet.setRows(List.of(HEADER, order("R-1", "Roman", 15)));
        sheets.failNextWrites(100, 429, "0");
        JsonPath first = Api.run("test-sheet");
        assertThat(first.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(sheet.cell(2, "Status")).isNull();

        sheets.failNextWrites(0, 429, null);
        sheet.insertRow(2, order("R-2", "Stepan", 25));
        Api.run("test-sheet");
        assertThat(sheets.writes()).hasSize(1);
        assertThat(sheet.cell(3, "Invoice link")).isEqualTo(portmone.orders().get("test-sheet_R-1"));
        assertThat(sheet.cell(2, "Invoice link")).isEqualTo(portmone.orders().get("test-sheet_R-2"));
    }

    @Test
    void firstRunNewTakesTheRowsAlreadyThereAsHandled() {
        FakeSheets.Sheet sheet = sheets.sheet("test-sheet-new", "Orders");
        sheet.setRows(List.of(HEADER, order("N-1", "Taras", 11), order("N-2", "Ulyana", 12)));

        JsonPath first = Api.run("test-sheet-new");
        assertThat(first.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(first.getInt("counts.records")).isZero();
        assertThat(portmone.requests()).isEmpty();

        sheet.insertRow(2, order("N-3", "Vira", 13));
        sheet.appendRow(order("N-4", "Yurii", 14));
        List<List<Object>> edited = new ArrayList<>(sheet.rows());
        List<Object> n1 = new ArrayList<>(edited.get(sheet.rowOf("Order ID", "N-1") - 1));
        n1.set(4, 99);
        edited.set(sheet.rowOf("Order ID", "N-1") - 1, n1);
        sheet.setRows(edited);

        JsonPath second = Api.run("test-sheet-new");
        assertThat(outcomes(second)).containsOnly(Map.entry("N-3", "DELIVERED"), Map.entry("N-4", "DELIVERED"));
        assertThat(portmone.orders()).containsOnlyKeys("test-sheet-new_N-3", "test-sheet-new_N-4");
    }

    @Test
    void withoutAKeyColumnARowIsItsContentSortingChangesNothingAndAnEditIsANewOrder() throws Exception {
        FakeSheets.Sheet sheet = sheets.sheet("test-sheet-hash", "Web orders");
        List<Object> header = List.of("", "Name", "Email", "Amount", "Product", "Invoice link", "Status", "Sent at");
        sheet.setRows(List.of(List.of("Orders from the web shop"),
                header,
                Arrays.asList(null, "Zoia", "zoia@example.com", 31, "Scarf"),
                Arrays.asList(null, "Artem", "artem@example.com", 32, "Gloves")));

        JsonPath first = Api.run("test-sheet-hash");
        assertThat(first.getInt("counts.delivered")).isEqualTo(2);
        JsonNode write = sheets.writes().get(0);
        List<String> ranges = StreamSupport.stream(write.path("data").spliterator(), false)
                .map(d -> d.path("range").asText()).sorted().toList();
        assertThat(ranges).containsExactly("'Web orders'!F3:H3", "'Web orders'!F4:H4");
        assertThat(sheet.rows().get(2).get(6)).as("G3, the Status cell of Zoia's row").isEqualTo("Sent");

        List<List<Object>> swapped = new ArrayList<>(sheet.rows());
        List<Object> zoia = swapped.get(2);
        swapped.set(2, swapped.get(3));
        swapped.set(3, zoia);
        sheet.setRows(swapped);
        JsonPath sorted = Api.run("test-sheet-hash");
        assertThat(sorted.getInt("counts.records")).isZero();

        List<List<Object>> edited = new ArrayList<>(sheet.rows());
        List<Object> artem = new ArrayList<>(edited.get(2));
        artem.set(3, 33);
        edited.set(2, artem);
        sheet.setRows(edited);
        JsonPath afterEdit = Api.run("test-sheet-hash");
        assertThat(afterEdit.getInt("counts.delivered")).isEqualTo(1);
        assertThat(portmone.requests()).hasSize(3);
    }

    static List<Object> order(String id, String name, Object amount) {
        return Arrays.asList(id, 45688, name, name.toLowerCase() + "@example.com", amount, "Order " + id);
    }

    static List<String> recordKeys(JsonPath run) {
        return new ArrayList<>(outcomes(run).keySet());
    }

    static Map<String, String> outcomes(JsonPath run) {
        List<Map<String, Object>> records = Api.runDetail(run.getString("id")).getList("records");
        return records.stream().filter(r -> !"RETRY".equals(r.get("outcome")))
                .collect(Collectors.toMap(r -> (String) r.get("recordKey"), r -> (String) r.get("outcome"),
                        (a, b) -> b));
    }

    static String recipient(MimeMessage message) throws Exception {
        return message.getAllRecipients()[0].toString();
    }
}
