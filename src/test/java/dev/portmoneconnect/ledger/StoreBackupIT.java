package dev.portmoneconnect.ledger;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup of the embedded store taken with one API call while orders keep arriving is consistent,
 * and restoring it (the copy put in the store's place) gives an app that knows every order the copy
 * holds: invoiced ones are not invoiced again, pending ones are invoiced.
 */
class StoreBackupIT {

    private ShippedAppFakes fakes;

    private FakePortmone portmone;
    private final List<AppProcess> apps = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (AppProcess app : apps) {
            app.close();
        }
        if (fakes != null) {
            fakes.close();
        }
    }

    @Test
    void aBackupTakenWhileOrdersArriveRestoresIntoAnAppThatKnowsEveryOrderInIt() throws Exception {
        fakes = ShippedAppFakes.start();
        portmone = fakes.portmone;
        Path first = AppProcess.operatorFolder(Path.of("target", "backup-" + UUID.randomUUID()));
        start("before", first);
        post(0, 50);
        given().post("/api/connections/landing-orders/run?wait=true").then().statusCode(200);

        CompletableFuture<Void> arriving = CompletableFuture.runAsync(() -> post(50, 150));
        JsonPath backup = given().post("/api/store/backup").then().statusCode(200).extract().jsonPath();
        arriving.get();
        Path copy = Path.of(backup.getString("file"));
        assertThat(copy).startsWith(first.toAbsolutePath().resolve("data").resolve("backups"));
        assertThat(Files.size(copy)).isEqualTo(backup.getLong("bytes"));
        int ordersInCopy;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM inbox")) {
                rs.next();
                ordersInCopy = rs.getInt(1);
            }
        }
        assertThat(ordersInCopy).isBetween(50, 150);
        apps.get(0).close();

        Path restored = AppProcess.operatorFolder(Path.of("target", "restore-" + UUID.randomUUID()));
        Files.createDirectories(restored.resolve("data"));
        Files.copy(copy, restored.resolve("data").resolve("portmone-connect.db"));
        int requestsBefore = portmone.requests().size();
        start("restored", restored);
        JsonPath run = given().post("/api/connections/landing-orders/run?wait=true").then().statusCode(200)
                .extract().jsonPath();

        System.out.printf("Backup while posting: %d bytes in %d ms, %d of 150 orders in the copy; the restored app"
                        + " invoiced %d (the ones pending in the copy)%n", backup.getLong("bytes"),
                backup.getLong("millis"), ordersInCopy, run.getInt("counts.invoiced"));
        assertThat(run.getInt("counts.invoiced")).isEqualTo(ordersInCopy - 50);
        assertThat(portmone.orders().size()).as("the orders of the copy, each invoiced once").isEqualTo(ordersInCopy);
        assertThat(portmone.requests().size() - requestsBefore).isEqualTo(ordersInCopy - 50);
        assertThat(portmone.requests().stream()
                .filter(r -> r.path("order").path("shopOrderNumber").asText().startsWith("landing-orders_BK-"))
                .map(r -> r.path("order").path("shopOrderNumber").asText()).distinct().count()).isEqualTo(ordersInCopy);
        for (int i = 1; i <= 50; i++) {
            assertThat(given().get("/api/inbox/" + i).then().statusCode(200).extract().<String>path("status"))
                    .isEqualTo("DONE");
        }
    }

    private void post(int from, int to) {
        for (int i = from; i < to; i++) {
            given().contentType(ContentType.JSON).header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN)
                    .body(Map.of("order_id", "BK-" + i, "name", "Payer " + i, "email", "bk" + i + "@example.com",
                            "amount", "15"))
                    .post("/hooks/landing-orders").then().statusCode(202);
        }
    }

    private void start(String name, Path folder) throws Exception {
        AppProcess app = AppProcess.start(name, fakes.settings(), folder, folder);
        apps.add(app);
        app.awaitReady(Duration.ofSeconds(120));
        RestAssured.baseURI = app.url();
        RestAssured.port = -1;
    }
}
