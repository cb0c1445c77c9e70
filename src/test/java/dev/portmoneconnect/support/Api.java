package dev.portmoneconnect.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Small helpers the end-to-end tests share: post records, run a connection, read a run. */
public final class Api {

    private Api() {
    }

    public static List<Integer> post(String connectionId, Object records) {
        return given().contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN)
                .body(records)
                .when().post("/hooks/" + connectionId)
                .then().statusCode(202)
                .extract().jsonPath().getList("ids", Integer.class);
    }

    /** Runs the connection and waits for the run to end. */
    public static JsonPath run(String connectionId) {
        return given().when().post("/api/connections/" + connectionId + "/run?wait=true")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** Switches the connection on or off and answers its view. */
    public static JsonPath setEnabled(String connectionId, boolean enabled) {
        return given().contentType(ContentType.TEXT).body(String.valueOf(enabled))
                .when().put("/api/connections/" + connectionId + "/enabled")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    public static JsonPath connection(String connectionId) {
        return given().when().get("/api/connections/" + connectionId).then().statusCode(200).extract().jsonPath();
    }

    /** The connection's runs, newest first. */
    public static JsonPath runs(String connectionId) {
        return given().when().get("/api/connections/" + connectionId + "/runs").then().statusCode(200)
                .extract().jsonPath();
    }

    /** Starts a run without waiting on the HTTP call, then polls until it has ended: for long runs. */
    public static JsonPath runAndPoll(String connectionId) throws InterruptedException {
        String runId = given().when().post("/api/connections/" + connectionId + "/run")
                .then().statusCode(202).extract().path("runId");
        for (int i = 0; i < 6000; i++) {
            JsonPath detail = runDetail(runId);
            if (!"RUNNING".equals(detail.getString("run.status"))) {
                return detail.setRootPath("run");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " of " + connectionId + " did not end within 10 minutes");
    }

    public static JsonPath runDetail(String runId) {
        return given().when().get("/api/runs/" + runId).then().statusCode(200).extract().jsonPath();
    }

    public static Map<String, Object> order(String id, String name, String email, Object amount) {
        return Map.of("id", id, "name", name, "email", email, "amount", amount, "what", "Order " + id);
    }
}
