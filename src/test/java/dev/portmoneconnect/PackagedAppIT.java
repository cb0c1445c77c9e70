package dev.portmoneconnect;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.TestSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Starts the packaged application ({@code java -jar target/quarkus-app/quarkus-run.jar}, production
 * profile, the example routes from {@code routes/}) and sends one order through it.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(FakesResource.class)
class PackagedAppIT {

    FakePortmone portmone;
    GreenMail mail;

    @Test
    void theExampleConnectionWorksInThePackagedApp() throws Exception {
        given().contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN)
                .body(Map.of("order_id", "JAR-1", "name", "Ivan Jar", "email", "jar@example.com", "amount", "12.30"))
                .when().post("/hooks/landing-orders")
                .then().statusCode(202);
        given().when().post("/api/connections/landing-orders/run?wait=true")
                .then().statusCode(200).body("status", equalTo("SUCCEEDED")).body("counts.delivered", equalTo(1));

        assertThat(portmone.requestsFor("landing-orders_JAR-1")).hasSize(1);
        assertThat(portmone.problems()).isEmpty();
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat((String) mail.getReceivedMessages()[0].getContent())
                .contains(portmone.orders().get("landing-orders_JAR-1"));

        given().when().get("/q/health").then().statusCode(200);
    }
}
