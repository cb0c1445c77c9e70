package dev.portmoneconnect.connection;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A dry run builds and records the signed request and the e-mail, sends neither, and consumes nothing. */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
class DryRunTest {

    FakePortmone portmone;
    GreenMail mail;

    @Test
    void recordsWhatWouldBeSentAndLeavesTheRecordForARealRun() throws Exception {
        Api.post("test-orders", Api.order("DRY-1", "Ivan Dry", "dry@example.com", "99.90"));
        int requestsBefore = portmone.requestsFor("test-orders_DRY-1").size();
        int mailsBefore = mail.getReceivedMessages().length;

        JsonPath dry = given().when().post("/api/connections/test-orders/run?wait=true&dryRun=true")
                .then().statusCode(200).extract().jsonPath();
        assertThat(dry.getBoolean("dryRun")).isTrue();
        JsonPath detail = Api.runDetail(dry.getString("id"));
        String request = detail.getString("records.find { it.recordKey == 'DRY-1' }.portmoneRequest");
        assertThat(request).contains("\"signature\"").contains("\"billAmount\":\"99.90\"")
                .doesNotContain(FakePortmone.SIGNING_KEY);
        assertThat(detail.getString("records.find { it.recordKey == 'DRY-1' }.deliveryPreview"))
                .contains("To: dry@example.com").contains("99,90 грн");
        assertThat(detail.getString("records.find { it.recordKey == 'DRY-1' }.outcome")).isEqualTo("DRY_RUN");
        assertThat(portmone.requestsFor("test-orders_DRY-1")).hasSize(requestsBefore);
        assertThat(mail.getReceivedMessages()).hasSize(mailsBefore);

        JsonPath real = Api.run("test-orders");
        JsonPath realDetail = Api.runDetail(real.getString("id"));
        assertThat(realDetail.getString("records.find { it.recordKey == 'DRY-1' }.outcome")).isEqualTo("DELIVERED");
        assertThat(portmone.requestsFor("test-orders_DRY-1")).hasSize(requestsBefore + 1);
    }
}
