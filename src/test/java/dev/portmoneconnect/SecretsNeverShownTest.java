package dev.portmoneconnect;

import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.TestSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs last: after every other test has made the application log, succeed and fail, searches all
 * of its output, its API answers and its dashboard pages for each configured secret and for
 * unmasked payer contacts.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(Integer.MAX_VALUE - 1)
class SecretsNeverShownTest {

    FakePortmone portmone;

    @Test
    void noSecretInLogsOrApiAnswers() throws Exception {
        portmone.rejectOrdersEndingWith("SECRET-2", "3", "Signature invalid");
        Api.post("test-orders", List.of(
                Api.order("SECRET-1", "Ivan", "secret.payer@example.com", 10),
                Api.order("SECRET-2", "Olha", "olha.payer@example.com", 11),
                Map.of("id", "SECRET-3", "name", "Petro", "email", "not-an-address", "amount", "x")));
        JsonPath run = Api.run("test-orders");

        List<String> answers = new ArrayList<>();
        answers.add(given().get("/api/connections/test-orders/runs").asString());
        answers.add(given().get("/api/runs/" + run.getString("id")).asString());
        answers.add(given().get("/q/openapi").asString());
        answers.add(given().get("/").asString());
        answers.add(given().get("/connections/test-orders").asString());
        answers.add(given().get("/runs/" + run.getString("id")).asString());
        answers.add(given().post("/api/connections/test-orders/preview").asString());
        for (Object id : Api.runDetail(run.getString("id")).getList("records.recordId")) {
            if (id != null) {
                answers.add(given().get("/api/records/" + id).asString());
            }
        }
        for (String answer : answers) {
            for (String secret : TestSecrets.all()) {
                assertThat(answer).as("an API answer").doesNotContain(secret);
            }
        }

        String log = Files.readString(Path.of(FakesResource.LOG_FILE));
        assertThat(log).contains("SECRET-2");
        for (String secret : TestSecrets.all()) {
            assertThat(log).as("the application log").doesNotContain(secret);
        }
        assertThat(log).as("payer e-mails are masked in logs").doesNotContain("olha.payer@example.com");
    }
}
