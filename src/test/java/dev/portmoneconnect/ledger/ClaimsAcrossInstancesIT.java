package dev.portmoneconnect.ledger;

import dev.portmoneconnect.ledger.LedgerRepository.Claim;
import dev.portmoneconnect.ledger.RecordClaims.Claimed;
import dev.portmoneconnect.flow.ShopOrderNumber;
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
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two application instances on one PostgreSQL database, each with a connection pool and a clock
 * of its own, racing for the same connection and the same records. What keeps them apart is the
 * database alone: the lease row, the unique key of a record and conditional updates.
 */
@Tag("postgres")
class ClaimsAcrossInstancesIT {

    static final String SCHEMA = "claims_it";
    static final String CONNECTION = "race-orders";
    static final Duration LEASE = Duration.ofSeconds(30);
    static final int RECORDS = 1000;

    AgroalDataSource poolA;
    AgroalDataSource poolB;
    InstanceWiring a;
    InstanceWiring b;

    @BeforeEach
    void twoInstances() throws Exception {
        TestPostgres.freshSchema(SCHEMA);
        poolA = TestPostgres.pool(SCHEMA, 4);
        poolB = TestPostgres.pool(SCHEMA, 4);
        a = new InstanceWiring(poolA, Clock.systemUTC(), LEASE);
        b = new InstanceWiring(poolB, Clock.systemUTC(), LEASE);
        try (Connection c = TestPostgres.connect(SCHEMA);
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO connection_state (connection_id, enabled, updated_at) VALUES (?, TRUE, ?)")) {
            insert.setString(1, CONNECTION);
            insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    @AfterEach
    void close() {
        poolA.close();
        poolB.close();
    }

    @Test
    void onlyOneInstanceHoldsAConnectionUntilItGoesSilent() throws Exception {
        String runA = UUID.randomUUID().toString();
        String runB = UUID.randomUUID().toString();
        List<Optional<String>> answers = Race.of(() -> acquireAndStart(a, runA, "alpha"),
                () -> acquireAndStart(b, runB, "beta"));

        assertThat(answers).filteredOn(Optional::isEmpty).hasSize(1);
        String holder = answers.get(0).isEmpty() ? runA : runB;
        String other = holder.equals(runA) ? runB : runA;
        assertThat(answers).contains(Optional.of(holder));
        InstanceWiring holding = holder.equals(runA) ? a : b;
        assertThat(holding.leases.renew(CONNECTION, holder, LEASE)).isTrue();
        assertThat((holding == a ? b : a).leases.renew(CONNECTION, other, LEASE)).isFalse();

        // An instance whose clock is past the lease sees the holder as silent, and takes over.
        InstanceWiring later = new InstanceWiring(poolB, Clock.offset(Clock.systemUTC(), LEASE.plusSeconds(1)), LEASE);
        String takeover = UUID.randomUUID().toString();
        assertThat(later.leases.acquire(CONNECTION, takeover, LEASE)).isEmpty();
        Run abandoned = a.runs.find(holder).orElseThrow();
        assertThat(abandoned.status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(abandoned.errorMessage()).contains("run " + takeover + " took over");
        assertThat(holding.leases.renew(CONNECTION, holder, LEASE)).isFalse();

        // The silent run claims nothing more, and leaves its source records unsettled for the new run.
        Claimed claimed = holding.claims.claim(claim("K-1", holder), false);
        assertThat(claimed.isTaken()).isFalse();
        assertThat(claimed.settles()).isFalse();
        // When it ends, it stays abandoned in the history.
        assertThat(holding.runs.finish(holder, RunStatus.SUCCEEDED, RunCounts.from(Map.of()), null)).isFalse();
        assertThat(a.runs.find(holder).orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
    }

    @Test
    void twoInstancesRacingOverTheSameRecordsInvoiceEachOnce() throws Exception {
        // Half the records were claimed by a run whose process stopped an hour ago, half are new.
        String dead = UUID.randomUUID().toString();
        InstanceWiring earlier = new InstanceWiring(poolA, Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)), LEASE);
        earlier.runs.start(dead, CONNECTION, "schedule", false, false, "gone");
        for (int i = 0; i < RECORDS; i += 2) {
            assertThat(earlier.ledger.insertIfNew(claim(key(i), dead)).row()).isNotNull();
        }
        String runA = UUID.randomUUID().toString();
        String runB = UUID.randomUUID().toString();
        a.runs.start(runA, CONNECTION, "schedule", false, false, "alpha");
        b.runs.start(runB, CONNECTION, "manual", false, false, "beta");

        Map<String, AtomicInteger> invoices = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        List<Integer> taken = Race.of(() -> invoiceAll(a, runA, invoices), () -> invoiceAll(b, runB, invoices));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(invoices).hasSize(RECORDS);
        assertThat(invoices.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(taken.get(0) + taken.get(1)).isEqualTo(RECORDS);
        try (Connection c = TestPostgres.connect(SCHEMA);
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT payment_link),"
                     + " COUNT(DISTINCT shop_order_number) FROM ledger_record WHERE status = 'INVOICED'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(RECORDS);
            assertThat(rs.getInt(2)).isEqualTo(RECORDS);
            assertThat(rs.getInt(3)).isEqualTo(RECORDS);
        }
        System.out.printf("Claims race: %d records, instance A invoiced %d, instance B %d, %d invoices in all,"
                        + " %d ms%n", RECORDS, taken.get(0), taken.get(1),
                invoices.values().stream().mapToInt(AtomicInteger::get).sum(), took.toMillis());

        // Each live run keeps what it claimed: the other one leaves those records alone.
        boolean aTookSome = taken.get(0) > 0;
        InstanceWiring owner = aTookSome ? a : b;
        InstanceWiring other = aTookSome ? b : a;
        Claimed again = other.claims.claim(claim(firstKeyOf(owner, aTookSome ? runA : runB), aTookSome ? runB : runA),
                false);
        assertThat(again.isTaken()).isFalse();
        assertThat(again.reason()).isEqualTo(RecordClaims.HANDLED_ELSEWHERE);
    }

    /** Claims every record the way a run's guard does, and "invoices" each record it was given. */
    private static int invoiceAll(InstanceWiring instance, String runId, Map<String, AtomicInteger> invoices) {
        int taken = 0;
        for (int i = 0; i < RECORDS; i++) {
            Claim claim = claim(key(i), runId);
            Claimed claimed = instance.claims.claim(claim, false);
            if (claimed.isTaken()) {
                taken++;
                invoices.computeIfAbsent(key(i), k -> new AtomicInteger()).incrementAndGet();
                instance.ledger.markInvoiced(claimed.row().id(), claim.claimId(),
                        "https://pay.example/" + runId + "/" + key(i), "{}", false);
            }
        }
        return taken;
    }

    private static String firstKeyOf(InstanceWiring instance, String runId) {
        return instance.jdbc.one("SELECT record_key FROM ledger_record WHERE last_run_id = ? ORDER BY id"
                + " FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1), runId).orElseThrow();
    }

    @Test
    void aKeyTooLongForItsColumnIsRefusedNotCut() {
        String run = UUID.randomUUID().toString();
        assertThat(acquireAndStart(a, run, "alpha")).isEmpty();
        String cut = "L".repeat(512);

        String key = cut + "-1";
        Claim tooLong = new Claim(CONNECTION, key, "hash", "inbox:1", ShopOrderNumber.of(CONNECTION, key), "{}",
                "email", false, run, UUID.randomUUID().toString());

        assertThatThrownBy(() -> a.claims.claim(tooLong, false)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("too long");
        assertThat(a.ledger.find(CONNECTION, cut)).isEmpty();
    }

    private static Optional<String> acquireAndStart(InstanceWiring instance, String runId, String instanceId) {
        Optional<String> holder = instance.leases.acquire(CONNECTION, runId, LEASE);
        if (holder.isEmpty()) {
            instance.runs.start(runId, CONNECTION, "schedule", false, false, instanceId);
        }
        return holder;
    }

    private static Claim claim(String key, String runId) {
        return new Claim(CONNECTION, key, "hash-" + key, "inbox:" + key, ShopOrderNumber.of(CONNECTION, key),
                "{}", "email", false, runId, UUID.randomUUID().toString());
    }

    private static String key(int i) {
        return "R-" + i;
    }
}
