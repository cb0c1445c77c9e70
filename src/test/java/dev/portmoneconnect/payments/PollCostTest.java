package dev.portmoneconnect.payments;

import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status poll asks Portmone about a range of days, not about each invoice: over 10,000 open
 * invoices made in the last 30 days it makes two {@code result} calls, counted by the fake.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(38)
class PollCostTest {

    static final int OPEN = 10_000;
    static final String CONNECTION = "bulk-orders";

    FakePortmone portmone;

    @Inject
    Jdbc jdbc;

    @AfterEach
    void forget() {
        jdbc.update("DELETE FROM record_attempt WHERE connection_id = ?", CONNECTION);
        jdbc.update("DELETE FROM payment_status WHERE connection_id = ?", CONNECTION);
        jdbc.update("DELETE FROM ledger_record WHERE connection_id = ?", CONNECTION);
        portmone.reset();
    }

    @Test
    void aPollOverTenThousandOpenInvoicesMakesABoundedNumberOfCalls() {
        portmone.reset();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Instant> made = new ArrayList<>();
        for (int i = 0; i < OPEN; i++) {
            // spread over the last 30 days, the oldest a full 30 days back: the days asked for then span
            // 32 or 33 dates whatever the time of day (29 days and 23 h 56 min made it 31 in the four
            // minutes before midnight in Kyiv, and one call)
            made.add(now.minus(Duration.ofMinutes((long) i * 30 * 24 * 60 / (OPEN - 1))).minusSeconds(60));
        }
        insert(made);
        for (int i = 0; i < OPEN; i++) {
            portmone.addOrder(order(i), "100.00", made.get(i));
        }
        for (int i = 0; i < OPEN; i += 100) {
            portmone.markPaid(order(i));
        }

        long started = System.nanoTime();
        JsonPath poll = Payments.poll("bulk");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        int calls = portmone.calls("result").size();
        System.out.printf("Status poll over %,d open invoices of 30 days: %d result calls, %d changed, %d ms%n",
                poll.getInt("accounts[0].open"), calls, poll.getInt("accounts[0].changed"), tookMillis);

        assertThat(poll.getInt("accounts[0].open")).isEqualTo(OPEN);
        assertThat(calls).isEqualTo(poll.getInt("accounts[0].calls")).isEqualTo(2);
        assertThat(portmone.calls("result")).allSatisfy(c ->
                assertThat(c.data().path("shopOrderNumber").asText()).isEmpty());
        assertThat(poll.getInt("accounts[0].changed")).isEqualTo(OPEN / 100);
        assertThat(jdbc.one("SELECT COUNT(*) AS n FROM payment_status WHERE connection_id = ? AND status = ?",
                rs -> rs.getInt("n"), CONNECTION, "PAID").orElseThrow()).isEqualTo(OPEN / 100);

        // however many stay open, the next poll costs the same
        portmone.clearCalls();
        JsonPath again = Payments.poll("bulk");
        assertThat(again.getInt("accounts[0].open")).isEqualTo(OPEN - OPEN / 100);
        assertThat(portmone.calls("result")).hasSize(2);
        assertThat(again.getInt("accounts[0].changed")).isZero();
    }

    private static String order(int i) {
        return CONNECTION + "_B-" + i;
    }

    /** The invoices as a run would have left them: delivered ledger records whose status is followed. */
    private void insert(List<Instant> made) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_record (connection_id, record_key,"
                    + " status, version, shop_order_number, payment_link, attempts, dry_run, created_at, updated_at,"
                    + " invoiced_at) VALUES (?, ?, 'DELIVERED', 1, ?, ?, 1, FALSE, ?, ?, ?)")) {
                for (int i = 0; i < made.size(); i++) {
                    OffsetDateTime at = made.get(i).atOffset(ZoneOffset.UTC);
                    ps.setString(1, CONNECTION);
                    ps.setString(2, "B-" + i);
                    ps.setString(3, order(i));
                    ps.setString(4, "https://www.portmone.com.ua/r3/pg/bulk-" + i);
                    Jdbc.setTime(ps, 5, at.toInstant());
                    Jdbc.setTime(ps, 6, at.toInstant());
                    Jdbc.setTime(ps, 7, at.toInstant());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Map<String, Long> ids = new java.util.HashMap<>();
            Jdbc.list(c, "SELECT id, record_key FROM ledger_record WHERE connection_id = ?",
                    rs -> Map.entry(rs.getString("record_key"), rs.getLong("id")), CONNECTION)
                    .forEach(e -> ids.put(e.getKey(), e.getValue()));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO payment_status (record_id, connection_id, account,"
                    + " shop_order_number, amount_minor, test_send, close_expired, status, invoiced_at, expires_at,"
                    + " changed_at, version) VALUES (?, ?, 'bulk', ?, 10000, FALSE, FALSE, 'UNPAID', ?, ?, ?, 1)")) {
                for (int i = 0; i < made.size(); i++) {
                    OffsetDateTime at = made.get(i).atOffset(ZoneOffset.UTC);
                    ps.setLong(1, ids.get("B-" + i));
                    ps.setString(2, CONNECTION);
                    ps.setString(3, order(i));
                    Jdbc.setTime(ps, 4, at.toInstant());
                    Jdbc.setTime(ps, 5, at.plusDays(40).toInstant());
                    Jdbc.setTime(ps, 6, at.toInstant());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
