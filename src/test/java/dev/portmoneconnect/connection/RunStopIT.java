package dev.portmoneconnect.connection;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.support.AppProcess;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.ShippedAppFakes;
import dev.portmoneconnect.support.TestSecrets;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged app asked to stop (SIGTERM) in the middle of a run: the run takes no new record,
 * finishes the ones in hand and ends INTERRUPTED, without an InterruptedException as its error; the
 * next start delivers the rest, each once.
 */
class RunStopIT {

    static final int RECORDS = 40;

    private ShippedAppFakes fakes;

    private FakePortmone portmone;
    private GreenMail mail;
    private AppProcess app;

    @AfterEach
    void stopAll() throws InterruptedException {
        if (app != null) {
            app.close();
        }
        if (fakes != null) {
            fakes.close();
        }
    }

    @Test
    void aStoppedRunEndsInterruptedAndTheNextStartDeliversTheRestOnce() throws Exception {
        fakes = ShippedAppFakes.start();
        portmone = fakes.portmone;
        mail = fakes.mail;
        Path folder = AppProcess.operatorFolder(Path.of("target", "run-stop-" + UUID.randomUUID()));
        Map<String, String> settings = fakes.settings();
        start(folder, settings, "before-stop");
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            orders.add(Map.of("order_id", "ST-" + i, "name", "Payer " + i, "email", "st" + i + "@example.com",
                    "amount", "30"));
        }
        given().contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN).body(orders)
                .post("/hooks/landing-orders").then().statusCode(202);
        portmone.delayNext(RECORDS, 300);
        String runId = given().post("/api/connections/landing-orders/run").then().statusCode(202).extract()
                .path("runId");
        Thread.sleep(800);
        app.stop();

        start(folder, settings, "after-stop");
        JsonPath stopped = given().get("/api/runs/" + runId).then().statusCode(200).extract().jsonPath();
        int deliveredBefore = stopped.getInt("run.counts.delivered");
        JsonPath next = given().post("/api/connections/landing-orders/run?wait=true").then().statusCode(200)
                .extract().jsonPath();

        System.out.printf("SIGTERM during a run: it delivered %d of %d and ended %s (%s); the next run delivered %d%n",
                deliveredBefore, RECORDS, stopped.getString("run.status"), stopped.getString("run.error"),
                next.getInt("counts.delivered"));
        assertThat(stopped.getString("run.status")).isEqualTo("INTERRUPTED");
        assertThat(stopped.getString("run.error")).doesNotContain("InterruptedException").contains("stopped");
        assertThat(deliveredBefore).isLessThan(RECORDS);
        assertThat(deliveredBefore + next.getInt("counts.delivered")).isEqualTo(RECORDS);
        assertThat(portmone.orders().keySet().stream().filter(k -> k.startsWith("landing-orders_ST-"))).hasSize(RECORDS);
        assertThat(mail.getReceivedMessages()).hasSize(RECORDS);
        assertThat(Files.readString(folder.resolve("before-stop.log"))).doesNotContain("InterruptedException");
    }

    private void start(Path folder, Map<String, String> settings, String name) throws Exception {
        app = AppProcess.start(name, settings, folder, folder);
        app.awaitReady(Duration.ofSeconds(120));
        RestAssured.baseURI = app.url();
        RestAssured.port = -1;
    }
}
