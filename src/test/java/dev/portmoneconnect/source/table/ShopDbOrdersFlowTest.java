package dev.portmoneconnect.source.table;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.ShopDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example shop-database connection (routes/shop-db-orders.camel.yaml) against PostgreSQL: the
 * first run notes where the orders table ends, later runs invoice the rows added since, once each,
 * write each row's link and status back into it and move the cursor kept in the app's database.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
class ShopDbOrdersFlowTest {

    FakePortmone portmone;
    GreenMail mail;

    @Inject
    Jdbc jdbc;

    @BeforeEach
    void freshShopDatabase() throws Exception {
        try (Connection c = ShopDatabase.connect("public"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + FakesResource.SHOP_DATABASE_SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + FakesResource.SHOP_DATABASE_SCHEMA);
        }
        shop("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_name VARCHAR(200), email VARCHAR(200),"
                + " phone VARCHAR(40), total DECIMAL(12,2), product VARCHAR(200), payment_link VARCHAR(500),"
                + " payment_status VARCHAR(20))");
        shop("CREATE TABLE timed_orders (code VARCHAR(20) PRIMARY KEY, created_at TIMESTAMP NOT NULL,"
                + " name VARCHAR(200), email VARCHAR(200), amount DECIMAL(12,2))");
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
        jdbc.update("DELETE FROM source_cursor WHERE connection_id IN (?, ?)", "shop-db-orders", "test-table-time");
    }

    @Test
    void newRowsAreInvoicedOnceAndTheirOutcomeWrittenBack() throws Exception {
        shop("INSERT INTO orders (id, customer_name, email, total, product) VALUES"
                + " (1, 'Old Order', 'old@example.com', 100, 'Tea'), (2, 'Older Order', 'older@example.com', 200, 'Coffee')");

        JsonPath first = Api.run("shop-db-orders");
        assertThat(first.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(first.getInt("counts.records")).isZero();

        shop("INSERT INTO orders (id, customer_name, email, phone, total, product) VALUES"
                + " (3, 'Іван Петренко', 'ivan@example.com', '0501234567', 1250.50, 'Кава в зернах'),"
                + " (4, 'No Money', 'nomoney@example.com', NULL, 0, 'Nothing'),"
                + " (5, 'Olena Koval', 'olena@example.com', NULL, 300, 'Green tea')");
        JsonPath second = Api.run("shop-db-orders");
        assertThat(second.getString("status")).isEqualTo("PARTIAL");
        assertThat(second.getInt("counts.delivered")).isEqualTo(2);
        assertThat(second.getInt("counts.failed")).isEqualTo(1);
        assertThat(portmone.orders()).containsOnlyKeys("shop-db-orders_3", "shop-db-orders_5");
        assertThat(portmone.requestsFor("shop-db-orders_3").get(0).path("order").path("billAmount").asText())
                .isEqualTo("1250.50");
        assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(shopRows("SELECT id, payment_link, payment_status FROM orders ORDER BY id")).containsExactly(
                "1||", "2||",
                "3|" + portmone.orders().get("shop-db-orders_3") + "|Sent",
                "4||Failed",
                "5|" + portmone.orders().get("shop-db-orders_5") + "|Sent");

        JsonPath third = Api.run("shop-db-orders");
        assertThat(third.getInt("counts.records")).as("the cursor is past every row").isZero();

        shop("INSERT INTO orders (id, customer_name, email, total, product) VALUES (7, 'Marta', 'marta@example.com', 42, 'Book')");
        JsonPath preview = given().post("/api/connections/shop-db-orders/preview").then().statusCode(200)
                .extract().jsonPath();
        assertThat(preview.getString("source")).isEqualTo("table");
        assertThat(preview.getList("records.recordKey")).containsExactly("7");
        assertThat(preview.getString("records[0].sourceId")).isEqualTo("table:orders#7");
        assertThat(preview.getString("records[0].invoice.payerEmail")).isEqualTo("marta@example.com");

        int requests = portmone.requests().size();
        JsonPath fourth = Api.run("shop-db-orders");
        assertThat(fourth.getInt("counts.delivered")).as("preview took nothing").isEqualTo(1);
        assertThat(portmone.requests()).hasSize(requests + 1);
    }

    @Test
    void aTimeCursorNeverSkipsRowsOfTheSameTime() throws Exception {
        shop("INSERT INTO timed_orders (code, created_at, name, email, amount) VALUES"
                + " ('B', TIMESTAMP '2026-03-01 10:00:00', 'Bohdan', 'b@example.com', 20),"
                + " ('A', TIMESTAMP '2026-03-01 10:00:00', 'Anna', 'a@example.com', 10),"
                + " ('C', TIMESTAMP '2026-03-01 10:00:00', 'Cyril', 'c@example.com', 30),"
                + " ('Z', TIMESTAMP '2026-03-01 09:00:00', 'Zero', 'z@example.com', 0),"
                + " ('D', TIMESTAMP '2026-03-01 11:00:00', 'Daria', 'd@example.com', 40)");

        List<Integer> perRun = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            perRun.add(Api.run("test-table-time").getInt("counts.delivered"));
        }
        assertThat(perRun).containsExactly(2, 2, 0, 0);
        assertThat(portmone.orders()).containsOnlyKeys("test-table-time_A", "test-table-time_B",
                "test-table-time_C", "test-table-time_D");
        assertThat(portmone.requests()).hasSize(4);
        assertThat(portmone.requestsFor("test-table-time_A").get(0).path("order").path("description").asText())
                .isEqualTo("Order A of 2026-03-01T10:00");
    }

    @Test
    void aParkedRowIsReplayedByItsKeyAndWrittenBackAgain() throws Exception {
        shop("INSERT INTO orders (id, customer_name, email, total, product) VALUES (101, 'Old', 'old@example.com', 1, 'Tea')");
        Api.run("shop-db-orders");
        shop("INSERT INTO orders (id, customer_name, email, total, product) VALUES (102, 'Ivan', 'ivan@example.com', 15, 'Tea')");
        portmone.failNext(100);
        JsonPath run = Api.run("shop-db-orders");
        assertThat(run.getInt("counts.failed")).isEqualTo(1);
        assertThat(shopRows("SELECT id, payment_link, payment_status FROM orders WHERE id = 102"))
                .containsExactly("102||Failed");

        portmone.failNext(0);
        JsonPath replay = given().post("/api/runs/" + run.getString("id") + "/replay-failed?wait=true")
                .then().statusCode(200).extract().jsonPath();
        assertThat(replay.getInt("counts.delivered")).isEqualTo(1);
        assertThat(shopRows("SELECT id, payment_link, payment_status FROM orders WHERE id = 102"))
                .containsExactly("102|" + portmone.orders().get("shop-db-orders_102") + "|Sent");
    }

    private static void shop(String sql) throws SQLException {
        try (Connection c = ShopDatabase.connect(FakesResource.SHOP_DATABASE_SCHEMA); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> shopRows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ShopDatabase.connect(FakesResource.SHOP_DATABASE_SCHEMA); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + nullToEmpty(rs.getString(2)) + "|" + nullToEmpty(rs.getString(3)));
            }
        }
        return rows;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
