package dev.portmoneconnect.dashboard;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.Observed;
import dev.portmoneconnect.support.TestSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's pages and forms over HTTP: languages, post-redirect-get, refusals, escaping. */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(26)
class DashboardPagesTest {

    FakePortmone portmone;
    GreenMail mail;

    @Inject
    Observed observed;

    @BeforeEach
    void clean() throws Exception {
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void theOverviewIsUkrainianUnlessAskedOtherwise() {
        String uk = given().when().get("/").then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(uk).contains("<html lang=\"uk\">").contains("Підключення").contains("preview-orders")
                .contains("кожні 15 хвилин").contains("Запустити зараз");

        Response en = given().when().get("/?lang=en");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.asString()).contains("<html lang=\"en\">").contains("Run now").contains("every 15 minutes");
        assertThat(en.getCookie("lang")).isEqualTo("en");

        assertThat(given().cookie("lang", "en").get("/").asString()).contains("Run now");
        assertThat(given().header("Accept-Language", "en-GB,en;q=0.8").get("/").asString()).contains("Run now");
        assertThat(given().header("Accept-Language", "de").get("/").asString()).contains("Запустити зараз");
    }

    @Test
    void theSwitchAnswersWithARedirectToThePageThatShowsIt() {
        Response off = given().redirects().follow(false).formParam("enabled", "false").formParam("back", "connection")
                .when().post("/connections/sched-every/enabled");
        assertThat(off.statusCode()).isEqualTo(303);
        assertThat(off.header("Location")).endsWith("/connections/sched-every?notice=off&id=sched-every");
        String page = given().get("/connections/sched-every?notice=off&id=sched-every&lang=en").asString();
        assertThat(page).contains("data-state=\"off\"").contains("Connection sched-every switched off");
        assertThat(Api.connection("sched-every").getBoolean("enabled")).isFalse();

        Response on = given().redirects().follow(false).formParam("enabled", "true").formParam("back", "list")
                .when().post("/connections/sched-every/enabled");
        assertThat(on.header("Location")).endsWith("/?notice=on&id=sched-every");
        assertThat(Api.connection("sched-every").getBoolean("enabled")).isTrue();
    }

    @Test
    void runNowLeadsToTheRunPageWithEachRecordsOutcomeEscaped() throws Exception {
        Api.post("preview-orders", List.of(
                Map.of("id", "<b>D-1</b>", "name", "Dana", "email", "dana@example.com", "amount", "7"),
                Map.of("id", "D-2", "name", "Dmytro", "amount", "x")));
        Response started = given().redirects().follow(false).when().post("/connections/preview-orders/run");
        assertThat(started.statusCode()).isEqualTo(303);
        String location = started.header("Location");
        assertThat(location).contains("/runs/");
        String runId = location.substring(location.lastIndexOf('/') + 1);
        observed.awaitFinished(runId);

        String page = given().get("/runs/" + runId + "?lang=en").asString();
        assertThat(page).contains("&lt;b&gt;D-1&lt;/b&gt;").doesNotContain("<b>D-1</b>");
        assertThat(page).contains("data-outcome=\"DELIVERED\"").contains("data-outcome=\"FAILED\"")
                .contains("payerEmail").contains("Replay");
        assertThat(page).doesNotContain(FakePortmone.SIGNING_KEY);

        String connection = given().get("/connections/preview-orders?lang=en").asString();
        assertThat(connection).contains("D-2").contains("/records/");
    }

    @Test
    void previewFormShowsTheInvoiceAndTheMailAndARefusedTestShowsWhy() {
        String page = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("sample", "{\"id\": \"F-1\", \"name\": \"Ірина <Коваль>\","
                        + " \"email\": \"iryna@example.com\", \"amount\": \"12,5\"}")
                .when().post("/connections/preview-orders/preview")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("preview-orders_F-1").contains("12,50 грн").contains("Ірина &lt;Коваль&gt;")
                .contains("<iframe class=\"mail\" sandbox=\"\" srcdoc=\"").contains("createLinkPayment");

        String refused = given().formParam("email", "not-an-address").formParam("sample", "")
                .when().post("/connections/preview-orders/test")
                .then().statusCode(400).extract().asString();
        assertThat(refused).contains("class=\"error\"").contains("e-mail: це не адреса e-mail: &#39;not-an-address&#39;").contains("value=\"not-an-address\"");

        given().formParam("sample", "[1]").when().post("/connections/preview-orders/preview").then().statusCode(400);
        given().get("/connections/no-such-connection").then().statusCode(404);
        given().get("/runs/no-such-run").then().statusCode(404);
    }

    @Test
    void aTestSendFromTheFormIsARunMarkedAsATest() throws Exception {
        Response sent = given().redirects().follow(false)
                .formParam("email", "tester@shop.example")
                .formParam("sample", "{\"id\": \"FT-1\", \"name\": \"Form Tester\", \"email\": \"p@example.com\","
                        + " \"amount\": \"1\"}")
                .when().post("/connections/preview-orders/test");
        assertThat(sent.statusCode()).isEqualTo(303);
        String runId = sent.header("Location").substring(sent.header("Location").lastIndexOf('/') + 1);
        observed.awaitFinished(runId);
        assertThat(given().get("/runs/" + runId + "?lang=en").asString()).contains("test send")
                .contains("preview-orders~test-");
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("tester@shop.example");
        assertThat(TestSecrets.all()).noneMatch(s -> given().get("/runs/" + runId).asString().contains(s));
    }
}
