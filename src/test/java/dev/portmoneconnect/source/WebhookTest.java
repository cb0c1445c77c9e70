package dev.portmoneconnect.source;

import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.TestSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(FakesResource.class)
class WebhookTest {

    static final String HOOK = "/hooks/test-orders";

    @Inject
    InboxRepository inbox;

    @Test
    void storesAJsonObjectBeforeAnswering202WithItsId() {
        List<Integer> ids = given().contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN)
                .body(Map.of("id", "W-1", "name", "Ivan", "amount", 10))
                .when().post(HOOK)
                .then().statusCode(202).body("accepted", equalTo(1))
                .extract().jsonPath().getList("ids", Integer.class);
        assertThat(inbox.peek("test-orders", 10_000)).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo(ids.get(0).longValue());
            assertThat(e.payload()).contains("\"W-1\"");
        });
    }

    @Test
    void storesEachObjectOfAnArray() {
        given().contentType(ContentType.JSON).queryParam("token", TestSecrets.WEBHOOK_TOKEN)
                .body(List.of(Map.of("id", "W-2"), Map.of("id", "W-3")))
                .when().post(HOOK)
                .then().statusCode(202).body("ids", hasSize(2));
    }

    @Test
    void storesAnHtmlFormPost() {
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN)
                .formParam("id", "W-4").formParam("name", "Олена")
                .when().post(HOOK)
                .then().statusCode(202).body("ids", hasSize(1));
        assertThat(inbox.peek("test-orders", 10_000)).anySatisfy(e -> assertThat(e.payload()).contains("Олена"));
    }

    @Test
    void refusesWithoutTheRightToken() {
        given().contentType(ContentType.JSON).body("{}").when().post(HOOK).then().statusCode(401);
        given().contentType(ContentType.JSON).header("X-Hook-Token", "wrong").body("{}")
                .when().post(HOOK).then().statusCode(401);
    }

    @Test
    void acceptsABodySignedWithTheConnectionsSecretInsteadOfTheToken() throws Exception {
        String body = "{\"id\":\"SIGNED-1\",\"name\":\"Ivan\"}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestSecrets.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        given().contentType(ContentType.JSON).header("X-Hook-Signature", signature).body(body)
                .when().post(HOOK).then().statusCode(202);
        given().contentType(ContentType.JSON).header("X-Hook-Signature", signature).body(body.replace("Ivan", "Petro"))
                .when().post(HOOK).then().statusCode(401);
        given().contentType(ContentType.JSON).header("X-Hook-Signature", "sha256=00").body(body)
                .when().post(HOOK).then().statusCode(401);
    }

    @Test
    void unknownConnectionIs404() {
        given().contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN).body("{}")
                .when().post("/hooks/no-such-connection").then().statusCode(404);
    }

    @Test
    void bodiesOverOneMebibyteAre413() {
        String big = "{\"x\":\"" + "a".repeat(1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN).body(big)
                .when().post(HOOK).then().statusCode(413);
    }

    @Test
    void otherContentTypesAre415() {
        given().contentType(ContentType.XML).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN).body("<order/>")
                .when().post(HOOK).then().statusCode(415);
    }

    @Test
    void malformedBodiesAre400() {
        given().contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN).body("{\"id\": ")
                .when().post(HOOK).then().statusCode(400).body("error", containsString("not valid JSON"));
        given().contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN).body("[1, 2]")
                .when().post(HOOK).then().statusCode(400).body("error", containsString("not a JSON object"));
        given().contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN).body("\"text\"")
                .when().post(HOOK).then().statusCode(400);
    }
}
