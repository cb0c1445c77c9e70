package dev.portmoneconnect.payments;

import dev.portmoneconnect.ledger.InstanceWiring;
import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.support.TestPostgres;
import dev.portmoneconnect.support.Race;
import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment tables on PostgreSQL, as the scale-out build uses them, with two instances (a pool
 * each) on one database: the same statements as on the embedded database, unique keys and
 * conditional updates deciding every race.
 */
@Tag("postgres")
class PaymentsOnPostgresIT {

    static final String SCHEMA = "payments_it";
    static final String CONNECTION = "pg-orders";

    AgroalDataSource poolA;
    AgroalDataSource poolB;
    PaymentRepository paymentsA;
    PaymentRepository paymentsB;
    FollowUpRepository followUpsA;
    FollowUpRepository followUpsB;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void twoInstances() {
        TestPostgres.freshSchema(SCHEMA);
        poolA = TestPostgres.pool(SCHEMA, 4);
        poolB = TestPostgres.pool(SCHEMA, 4);
        Jdbc jdbcA = new InstanceWiring(poolA, Clock.systemUTC(), Duration.ofSeconds(30)).jdbc;
        Jdbc jdbcB = new InstanceWiring(poolB, Clock.systemUTC(), Duration.ofSeconds(30)).jdbc;
        paymentsA = new PaymentRepository();
        paymentsA.jdbc = jdbcA;
        paymentsB = new PaymentRepository();
        paymentsB.jdbc = jdbcB;
        followUpsA = new FollowUpRepository();
        followUpsA.jdbc = jdbcA;
        followUpsB = new FollowUpRepository();
        followUpsB.jdbc = jdbcB;
    }

    @AfterEach
    void close() {
        poolA.close();
        poolB.close();
    }

    @Test
    void statusesAreFollowedOnceAndEachChangeIsMadeByOneInstance() throws Exception {
        long id = ledgerRecord("K-1", now.minus(Duration.ofHours(2)));
        Payment payment = payment(id, "K-1", now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(22)));
        assertThat(paymentsA.insertIfNew(payment)).isTrue();
        assertThat(paymentsB.insertIfNew(payment)).as("the second instance finds it followed").isFalse();

        Payment open = paymentsB.open("shop").get(0);
        assertThat(open.recordKey()).isEqualTo("K-1");
        assertThat(open.invoicedAt()).isEqualTo(payment.invoicedAt());
        assertThat(paymentsA.findByOrder("shop", CONNECTION + "_K-1")).isPresent();
        assertThat(paymentsA.findByOrders("shop", List.of(CONNECTION + "_K-1", "none"))).containsOnlyKeys(CONNECTION + "_K-1");

        Instant paidAt = now.minusSeconds(30);
        List<Boolean> changed = Race.of(
                () -> paymentsA.change(open, PaymentStatus.PAID, "PAYED", paidAt, 25_000L, "777", now, false),
                () -> paymentsB.change(open, PaymentStatus.PAID, "PAYED", paidAt, 25_000L, "777", now, true));
        assertThat(changed).containsExactlyInAnyOrder(true, false);
        Payment paid = paymentsA.find(id).orElseThrow();
        assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.paidAt()).isEqualTo(paidAt);
        assertThat(paid.paidMinor()).isEqualTo(25_000L);
        assertThat(paymentsB.paidAt(List.of(id, id + 1000))).containsOnlyKeys(id);
        assertThat(paymentsA.open("shop")).isEmpty();

        assertThat(paymentsA.tallies()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(PaymentStatus.PAID);
            assertThat(t.amountMinor()).isEqualTo(25_000L);
        });
        assertThat(paymentsA.list(new PaymentRepository.InvoiceFilter(CONNECTION, EnumSet.of(PaymentStatus.PAID),
                now.minus(Duration.ofDays(1)), now.plusSeconds(1), false, 10))).hasSize(1);
        assertThat(paymentsA.list(new PaymentRepository.InvoiceFilter(null, Set.of(), null,
                now.minus(Duration.ofDays(1)), false, 10))).isEmpty();

        paymentsA.savePoll("shop", now, true, 2, 1, null);
        paymentsB.savePoll("shop", now.plusSeconds(1), false, 1, 0, "Portmone answered HTTP 503");
        assertThat(paymentsA.lastPolls()).singleElement().satisfies(p -> {
            assertThat(p.succeeded()).isFalse();
            assertThat(p.error()).contains("503");
        });
    }

    @Test
    void aFollowUpIsClaimedByOneInstanceAndSelectedUntilItIsDone() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = ledgerRecord("F-" + i, now.minus(Duration.ofHours(20 - i)));
            paymentsA.insertIfNew(payment(id, "F-" + i, now.minus(Duration.ofHours(20 - i)),
                    now.plus(Duration.ofHours(4 + i))));
            ids.add(id);
        }
        List<PaymentRepository.Invoiced> pending = followUpsA.pending("reminder", PaymentStatus.OPEN, "invoiced_at",
                now.minus(Duration.ofHours(12)), null, now, List.of(CONNECTION), 10);
        assertThat(pending).extracting(p -> p.payment().recordKey()).containsExactly("F-0", "F-1", "F-2");
        assertThat(pending.get(0).paymentLink()).startsWith("https://");
        assertThat(followUpsA.pending("reminder", PaymentStatus.OPEN, "invoiced_at", now.minus(Duration.ofHours(12)),
                null, now, List.of(CONNECTION), 2)).hasSize(2);
        assertThat(followUpsA.pending("reminder", PaymentStatus.OPEN, "invoiced_at", now.minus(Duration.ofHours(12)),
                null, now.plus(Duration.ofHours(5)), List.of(), 10)).as("links payable then").hasSize(1);

        long first = ids.get(0);
        List<Boolean> claims = Race.of(() -> followUpsA.claim(first, "reminder", "reminders", "run-a", now),
                () -> followUpsB.claim(first, "reminder", "reminders", "run-b", now));
        assertThat(claims).containsExactlyInAnyOrder(true, false);
        String winner = followUpsA.find(first, "reminder").orElseThrow().runId();
        assertThat(followUpsA.pending("reminder", PaymentStatus.OPEN, "invoiced_at", now, null, now,
                List.of(CONNECTION), 10)).extracting(p -> p.payment().recordId()).doesNotContain(first);
        assertThat(followUpsA.pending("second", PaymentStatus.OPEN, "invoiced_at", now, null, now,
                List.of(CONNECTION), 10)).extracting(p -> p.payment().recordId()).contains(first);

        long second = ids.get(1);
        assertThat(followUpsB.claim(second, "reminder", "reminders", "run-c", now)).isTrue();
        assertThat(followUpsB.failed(second, "reminder", "run-c", FollowUp.Status.PARKED, "SMTP down")).isTrue();
        assertThat(followUpsA.pending("reminder", PaymentStatus.OPEN, "invoiced_at", now, null, now,
                List.of(CONNECTION), 10)).extracting(p -> p.payment().recordId()).contains(second);
        assertThat(followUpsA.claim(second, "reminder", "reminders", "run-d", now)).as("a parked one is taken again")
                .isTrue();
        assertThat(followUpsA.done(second, "reminder", "run-d", now)).isTrue();
        assertThat(followUpsA.done(first, "reminder", winner, now)).isTrue();
        assertThat(followUpsB.ofRecord(first)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FollowUp.Status.DONE));
    }

    private Payment payment(long id, String key, Instant invoicedAt, Instant expiresAt) {
        return new Payment(id, CONNECTION, key, null, "shop", CONNECTION + "_" + key, 25_000, false, false,
                PaymentStatus.UNPAID, null, invoicedAt, expiresAt, null, null, null, null, now, null, null, 1);
    }

    private long ledgerRecord(String key, Instant invoicedAt) throws Exception {
        try (Connection c = TestPostgres.connect(SCHEMA);
             PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_record (connection_id, record_key,"
                     + " status, version, shop_order_number, payment_link, invoice_json, attempts, dry_run, created_at,"
                     + " updated_at, invoiced_at) VALUES (?, ?, 'DELIVERED', 1, ?, ?, ?, 1, FALSE, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            OffsetDateTime at = invoicedAt.atOffset(ZoneOffset.UTC);
            insert.setString(1, CONNECTION);
            insert.setString(2, key);
            insert.setString(3, CONNECTION + "_" + key);
            insert.setString(4, "https://www.portmone.com.ua/r3/pg/" + key);
            insert.setString(5, "{\"recordKey\":\"" + key + "\",\"payerName\":\"P\",\"amount\":250.00}");
            insert.setObject(6, at);
            insert.setObject(7, at);
            insert.setObject(8, at);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
