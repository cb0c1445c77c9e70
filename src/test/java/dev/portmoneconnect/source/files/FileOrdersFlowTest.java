package dev.portmoneconnect.source.files;

import dev.portmoneconnect.flow.Invoice;
import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example file-drop connection (routes/file-orders.camel.yaml) end to end: files dropped into
 * its folder are read through Camel's file component, their rows invoiced once each and e-mailed,
 * and each file moved into done/ with its result file beside it.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
class FileOrdersFlowTest {

    static final Path DROP = FakesResource.FILE_ORDERS_DIRECTORY;
    static final Path DONE = DROP.resolve("done");
    static final Path FAILED = DROP.resolve("failed");
    static final String BOM = "\uFEFF";

    FakePortmone portmone;
    GreenMail mail;

    @BeforeEach
    void emptyFolder() throws Exception {
        deleteTree(DROP);
        Files.createDirectories(DROP);
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void csvRowsAreInvoicedOnceAndTheResultIsWrittenNextToTheFile() throws Exception {
        String csv = BOM + """
                Order ID;Name;Email;Phone;Amount;Product
                F-1;Іван Петренко;ivan@example.com;0501234567;1 250,50;Кава в зернах

                F-2;Olena Koval;olena@example.com;;300;Green tea
                F-3;Petro;petro@example.com;;abc;Broken amount
                ;No Key;nokey@example.com;;10;Row without an order id
                """;
        drop("orders.csv", csv);
        Path fresh = drop("half-written.csv", "Order ID;Name;Email;Amount\nF-9;Late;late@example.com;5\n");
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.now()));

        JsonPath run = Api.run("file-orders");
        assertThat(run.getString("status")).isEqualTo("PARTIAL");
        assertThat(run.getInt("counts.delivered")).isEqualTo(2);
        assertThat(run.getInt("counts.failed")).isEqualTo(1);
        assertThat(portmone.orders()).containsOnlyKeys("file-orders_F-1", "file-orders_F-2");
        assertThat(portmone.requestsFor("file-orders_F-1").get(0).path("order").path("billAmount").asText())
                .isEqualTo("1250.50");
        assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();

        assertThat(DROP.resolve("orders.csv")).doesNotExist();
        assertThat(DONE.resolve("orders.csv")).hasContent(csv);
        assertThat(fresh).as("a file changed within minAge waits for a later run").exists();
        List<String> result = Files.readAllLines(DONE.resolve("orders.result.csv"), StandardCharsets.UTF_8);
        assertThat(result).containsExactly(
                BOM + "Row;Key;Status;Invoice link;Reason",
                "2;F-1;Sent;" + portmone.orders().get("file-orders_F-1") + ";",
                "4;F-2;Sent;" + portmone.orders().get("file-orders_F-2") + ";",
                "5;F-3;Failed;;amount: is not an amount: 'abc'",
                "6;;Failed;;Order ID: is empty");

        Map<String, Object> bad = Api.runDetail(run.getString("id")).getList("records", Map.class).stream()
                .map(r -> (Map<String, Object>) r).filter(r -> "F-3".equals(r.get("recordKey"))).findFirst().orElseThrow();
        assertThat(bad).containsEntry("outcome", "FAILED").containsEntry("field", "amount")
                .containsEntry("sourceId", "file:orders.csv#5");

        // the same export dropped again: nothing is invoiced twice, the result tells what the ledger holds
        drop("orders-again.csv", csv);
        int requests = portmone.requests().size();
        JsonPath again = Api.run("file-orders");
        assertThat(again.getInt("counts.skipped")).isEqualTo(2);
        assertThat(again.getInt("counts.delivered")).isZero();
        assertThat(again.getInt("counts.failed")).as("an invalid row fails again, alone").isEqualTo(1);
        assertThat(portmone.requests()).hasSize(requests);
        assertThat(Files.readAllLines(DONE.resolve("orders-again.result.csv"), StandardCharsets.UTF_8))
                .contains("2;F-1;Sent;" + portmone.orders().get("file-orders_F-1") + ";");
    }

    @Test
    void xlsxRowsAreReadWithNumbersAndDates() throws Exception {
        Path workbook = DROP.resolve("shop-export.xlsx");
        try (OutputStream out = Files.newOutputStream(workbook)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet sheet = wb.newWorksheet("Orders");
            List<String> header = List.of("Order ID", "Order date", "Name", "Email", "Amount", "Product");
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
            }
            sheet.value(1, 0, 7001);
            sheet.value(1, 1, LocalDate.of(2026, 1, 31));
            sheet.value(1, 2, "Марія Шевченко");
            sheet.value(1, 3, "maria@example.com");
            sheet.value(1, 4, 1250.5);
            sheet.value(1, 5, "Чай");
            wb.finish();
        }
        Files.setLastModifiedTime(workbook, FileTime.from(Instant.now().minusSeconds(120)));

        JsonPath preview = given().post("/api/connections/file-orders/preview").then().statusCode(200)
                .extract().jsonPath();
        assertThat(preview.getString("source")).isEqualTo("files");
        assertThat(preview.getString("records[0].sourceId")).isEqualTo("file:shop-export.xlsx#2");
        assertThat(preview.getString("records[0].recordKey")).isEqualTo("7001");
        assertThat(preview.getString("records[0].invoice.amount")).isEqualTo("1250.5");
        assertThat(workbook).as("preview takes nothing").exists();

        JsonPath run = Api.run("file-orders");
        assertThat(run.getInt("counts.delivered")).isEqualTo(1);
        assertThat(portmone.requestsFor("file-orders_7001").get(0).path("order").path("billAmount").asText())
                .isEqualTo("1250.50");
        assertThat(DONE.resolve("shop-export.xlsx")).exists();
        assertThat(Files.readAllLines(DONE.resolve("shop-export.result.csv"), StandardCharsets.UTF_8))
                .element(1).asString().startsWith("2,7001,Sent,https://");
    }

    @Test
    void aFileThatCannotBeReadMovesToFailedWithTheReason() throws Exception {
        drop("broken.xlsx", "this is not a workbook");
        drop("no-key.csv", "Name,Email,Amount\nIvan,ivan@example.com,10\n");

        JsonPath run = Api.run("file-orders");
        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("error")).contains("broken.xlsx is not an .xlsx workbook")
                .contains("no-key.csv has no column 'Order ID'");
        assertThat(FAILED.resolve("broken.xlsx")).exists();
        assertThat(FAILED.resolve("no-key.csv")).exists();
        assertThat(Files.readString(FAILED.resolve("no-key.result.csv"), StandardCharsets.UTF_8))
                .contains("Failed,,\"no-key.csv has no column 'Order ID' in its header row 1 (it has Name, Email, Amount)\"");
        assertThat(portmone.requests()).isEmpty();
    }

    @Test
    void aFileIsReadOnlyOnceItsDoneFileIsThere() throws Exception {
        Path folder = Path.of(DROP + "-signalled");
        deleteTree(folder);
        Files.createDirectories(folder);
        Path file = folder.resolve("signalled.csv");
        Files.writeString(file, "Order ID,Name,Email,Amount\nS-1,Ivan,ivan@example.com,15\n", StandardCharsets.UTF_8);

        assertThat(Api.run("test-files-signalled").getInt("counts.records")).isZero();
        assertThat(file).exists();

        Files.writeString(folder.resolve("signalled.csv.done"), "");
        assertThat(Api.run("test-files-signalled").getInt("counts.delivered")).isEqualTo(1);
        assertThat(file).doesNotExist();
        assertThat(folder.resolve("signalled.csv.done")).as("Camel deletes the done file with it").doesNotExist();
        assertThat(folder.resolve("done").resolve("signalled.result.csv")).exists();
    }

    @Test
    void aTestSendUsesTheFirstWaitingRowAndLeavesTheFileWhereItIs() throws Exception {
        Path file = drop("waiting.csv", "Order ID,Name,Email,Amount\nT-1,Test Payer,payer@example.com,1\n");

        String runId = given().contentType("application/json").body("{\"email\": \"tester@shop.example\"}")
                .post("/api/connections/file-orders/test?wait=true").then().statusCode(200).extract().path("id");
        JsonPath detail = Api.runDetail(runId);
        assertThat(detail.getBoolean("run.test")).isTrue();
        assertThat(detail.getInt("run.counts.delivered")).isEqualTo(1);
        assertThat(file).as("the file stays for the real run").exists();
        assertThat(portmone.orders().keySet()).singleElement().asString().startsWith("file-orders~test-");
    }

    @Test
    void aParkedRowIsReplayedFromItsFileInDone() throws Exception {
        drop("parked.csv", "Order ID,Name,Email,Amount\nP-1,Ivan,ivan@example.com,15\n");
        portmone.failNext(100);
        JsonPath run = Api.run("file-orders");
        assertThat(run.getInt("counts.failed")).isEqualTo(1);
        assertThat(Files.readAllLines(DONE.resolve("parked.result.csv"), StandardCharsets.UTF_8).get(1))
                .startsWith("2,P-1,Failed,,");

        portmone.failNext(0);
        JsonPath replay = given().post("/api/runs/" + run.getString("id") + "/replay-failed?wait=true")
                .then().statusCode(200).extract().jsonPath();
        assertThat(replay.getInt("counts.delivered")).isEqualTo(1);
        assertThat(Files.readAllLines(DONE.resolve("parked.result.csv"), StandardCharsets.UTF_8).get(1))
                .isEqualTo("2,P-1,Sent," + portmone.orders().get("file-orders_P-1") + ",");
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> all = Files.walk(folder)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Path drop(String name, String content) throws IOException {
        Path file = DROP.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        // older than the connection's minAge: written completely
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(120)));
        return file;
    }
}
