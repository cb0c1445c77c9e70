package dev.portmoneconnect;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.TestSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Starts the packaged application ({@code java -jar target/quarkus-app/quarkus-run.jar}, production
 * profile, the example routes from {@code routes/}, the API and the dashboard protected by a token
 * and a login) and sends one order through it.
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
        withToken().when().post("/api/connections/landing-orders/run?wait=true")
                .then().statusCode(200).body("status", equalTo("SUCCEEDED")).body("counts.delivered", equalTo(1));

        assertThat(portmone.requestsFor("landing-orders_JAR-1")).hasSize(1);
        assertThat(portmone.problems()).isEmpty();
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat((String) mail.getReceivedMessages()[0].getContent())
                .contains(portmone.orders().get("landing-orders_JAR-1"));

        given().when().get("/q/health").then().statusCode(200);
    }

    @Test
    void theApiAndTheDashboardAskForCredentialsWhileHealthAndWebhooksKeepTheirOwnRules() {
        Response refused = given().get("/api/connections");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Basic realm=");
        given().header("Authorization", "Bearer wrong-token").get("/api/connections").then().statusCode(401);
        withToken().get("/api/connections").then().statusCode(200);
        withLogin().get("/api/connections").then().statusCode(200);

        given().get("/").then().statusCode(401);
        given().auth().preemptive().basic(TestSecrets.DASHBOARD_USER, "wrong").get("/").then().statusCode(401);
        assertThat(withLogin().get("/").then().statusCode(200).extract().asString()).contains("landing-orders");

        // a browser logged in to the dashboard cannot be made to post for another site
        withLogin().header("Origin", "https://elsewhere.example").formParam("enabled", "false")
                .post("/connections/landing-orders/enabled").then().statusCode(403);
        withLogin().header("Origin", "https://elsewhere.example").post("/api/connections/landing-orders/run")
                .then().statusCode(403);

        given().get("/q/health").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN)
                .body(Map.of("order_id", "JAR-2", "name", "Olha Jar", "phone", "0501234567", "amount", "5"))
                .post("/hooks/landing-orders-sms").then().statusCode(202);
        withToken().contentType(ContentType.JSON).body("{}").post("/hooks/landing-orders-sms").then().statusCode(401);
    }

    private static RequestSpecification withToken() {
        return given().header("Authorization", "Bearer " + TestSecrets.API_TOKEN);
    }

    private static RequestSpecification withLogin() {
        return given().auth().preemptive().basic(TestSecrets.DASHBOARD_USER, TestSecrets.DASHBOARD_PASSWORD);
    }
}
