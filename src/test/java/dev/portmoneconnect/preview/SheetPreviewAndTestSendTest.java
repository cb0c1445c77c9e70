package dev.portmoneconnect.preview;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Preview and test send of sheet connections see exactly what the next run would take: nothing
 * before a first run that takes the rows already there as handled, never a settled row. A test send
 * of a row goes to the tester, never to the payer in the sheet.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(26)
class SheetPreviewAndTestSendTest {

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
    void beforeAFirstRunThatTakesTheRowsAsHandledThereIsNothingToPreviewOrTestAndAfterItOnlyNewRows()
            throws Exception {
        FakeSheets.Sheet sheet = sheets.sheet("sheet-first", "Orders");
        sheet.setRows(List.of(HEADER, order("OLD-1", "Olga", 10), order("OLD-2", "Oleh", 20)));

        JsonPath before = preview("sheet-first");
        assertThat(before.getString("source")).isEqualTo("sheet");
        assertThat(before.getList("records")).isEmpty();
        testSend("sheet-first", Map.of("email", "tester@shop.example"))
                .then().statusCode(409).body("error", containsString("no pending record"));
        testSend("sheet-first", Map.of())
                .then().statusCode(400).body("error", containsString("never to the payer"));
        assertThat(portmone.requests()).isEmpty();
        assertThat(Api.runs("sheet-first").getList("$")).isEmpty();

        JsonPath first = Api.run("sheet-first");
        assertThat(first.getInt("counts.records")).isZero();

        sheet.appendRow(order("NEW-1", "Nina", 30));
        assertThat(preview("sheet-first").getList("records.recordKey")).containsExactly("NEW-1");
        testSend("sheet-first", Map.of()).then().statusCode(400);

        JsonPath test = testSend("sheet-first", Map.of("email", "tester@shop.example"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(test.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(portmone.orders().keySet()).hasSize(1).allMatch(k -> k.startsWith("sheet-first~test-"));
        assertThat(portmone.requests().get(0).path("order").path("billAmount").asText()).isEqualTo("30.00");
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(mail.waitForIncomingEmail(300, 2)).isFalse();
        assertThat(recipient(mail.getReceivedMessages()[0])).isEqualTo("tester@shop.example");
        assertThat(sheets.writeCalls()).as("a test send writes nothing into the sheet").isZero();

        mail.purgeEmailFromAllMailboxes();
        JsonPath real = Api.run("sheet-first");
        assertThat(real.getInt("counts.delivered")).isEqualTo(1);
        assertThat(portmone.orders()).containsKey("sheet-first_NEW-1");
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(recipient(mail.getReceivedMessages()[0])).isEqualTo("nina@example.com");

        assertThat(preview("sheet-first").getList("records")).isEmpty();
        testSend("sheet-first", Map.of("email", "tester@shop.example")).then().statusCode(409);
    }

    @Test
    void withFirstRunAllPreviewShowsEveryRowUntilItIsSettledAndARepeatedKeyAsTheFailureItWillBe() {
        FakeSheets.Sheet sheet = sheets.sheet("sheet-first-all", "Orders");
        sheet.setRows(List.of(HEADER, order("ALL-1", "Anna", 10), order("ALL-2", "Bohdan", 20)));
        assertThat(preview("sheet-first-all").getList("records.recordKey")).containsExactly("ALL-1", "ALL-2");

        assertThat(Api.run("sheet-first-all").getInt("counts.delivered")).isEqualTo(2);
        assertThat(preview("sheet-first-all").getList("records")).isEmpty();

        sheet.appendRow(order("ALL-1", "Chrystia", 30));
        JsonPath repeated = preview("sheet-first-all");
        assertThat(repeated.getList("records")).hasSize(1);
        assertThat(repeated.getString("records[0].recordKey")).startsWith("ALL-1#dup-");
        assertThat(repeated.getBoolean("records[0].valid")).isFalse();
        assertThat(repeated.getString("records[0].errors[0].field")).isEqualTo("Order ID");
        assertThat(repeated.getString("records[0].errors[0].reason")).isEqualTo("ALL-1 is also row 2");
    }

    @Test
    void aSamplePreviewOfASheetConnectionIsKeyedAndReadAsTheSheetWouldBe() {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("Order ID", " 5001 ");
        sample.put("Order date", "31.01.2025");
        sample.put("Name", "Sofia");
        sample.put("Email", "sofia@example.com");
        sample.put("Amount", 12.5);
        sample.put("Status", "Sent");
        JsonPath preview = given().contentType(ContentType.JSON).body(sample)
                .when().post("/api/connections/sheet-first/preview").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getString("source")).isEqualTo("sample");
        assertThat(preview.getString("records[0].recordKey")).isEqualTo("5001");
        assertThat(preview.getString("records[0].shopOrderNumber")).isEqualTo("sheet-first_5001");
        assertThat(preview.getMap("records[0].fields")).containsEntry("Order date", "2025-01-31")
                .containsEntry("Order ID", "5001").doesNotContainKey("Status");
        assertThat(preview.getString("records[0].invoice.amount")).isEqualTo("12.5");
    }

    @Test
    void theApiAndTheDashboardShowThatASheetConnectionReadsAGoogleSheet() {
        assertThat(Api.connection("sheet-orders").getString("source")).isEqualTo("google-sheets");
        String page = given().header("Accept-Language", "en").when().get("/").then().statusCode(200).extract().asString();
        String card = page.substring(page.indexOf("id=\"connection-sheet-orders\""));
        card = card.substring(0, card.indexOf("</article>"));
        assertThat(card).contains("<dd>Google Sheets</dd>");
    }

    static JsonPath preview(String connection) {
        return given().when().post("/api/connections/" + connection + "/preview?limit=20").then().statusCode(200)
                .extract().jsonPath();
    }

    static io.restassured.response.Response testSend(String connection, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when()
                .post("/api/connections/" + connection + "/test?wait=true");
    }

    static List<Object> order(String id, String name, Object amount) {
        return Arrays.asList(id, 45688, name, name.toLowerCase() + "@example.com", amount, "Order " + id);
    }

    static String recipient(MimeMessage message) throws Exception {
        return message.getAllRecipients()[0].toString();
    }
}
