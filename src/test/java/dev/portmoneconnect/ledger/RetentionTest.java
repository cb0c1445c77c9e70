package dev.portmoneconnect.ledger;

import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settled inbox records leave after a week and finished runs with their attempts after 90 days, by
 * default; pending records, recent runs and the ledger's records stay.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
class RetentionTest {

    @Inject
    Jdbc jdbc;

    @Inject
    Retention retention;

    @Test
    void whatIsPastItsRetentionGoesAndEverythingElseStays() {
        Instant now = Instant.now();
        long oldDone = inbox("DONE", now.minus(Duration.ofDays(8)));
        long recentDone = inbox("DONE", now.minus(Duration.ofDays(6)));
        long oldDuplicate = inbox("DUPLICATE", now.minus(Duration.ofDays(30)));
        long pending = inbox("PENDING", null);
        String oldRun = run(now.minus(Duration.ofDays(91)));
        String recentRun = run(now.minus(Duration.ofDays(89)));
        long record = jdbc.insert("INSERT INTO ledger_record (connection_id, record_key, status, version, attempts,"
                + " dry_run, last_run_id, created_at, updated_at) VALUES ('retention', ?, 'DELIVERED', 1, 1, FALSE, ?,"
                + " ?, ?)", UUID.randomUUID().toString(), oldRun, now.minus(Duration.ofDays(91)), now);
        jdbc.update("INSERT INTO record_attempt (record_id, run_id, connection_id, outcome, at) VALUES (?, ?,"
                + " 'retention', 'DELIVERED', ?)", record, oldRun, now.minus(Duration.ofDays(91)));
        jdbc.update("INSERT INTO record_attempt (record_id, run_id, connection_id, outcome, at) VALUES (?, ?,"
                + " 'retention', 'SKIPPED', ?)", record, recentRun, now.minus(Duration.ofDays(89)));

        Retention.Pruned pruned = retention.prune();

        assertThat(pruned.inbox()).isGreaterThanOrEqualTo(2);
        assertThat(exists("inbox", "id", oldDone)).isFalse();
        assertThat(exists("inbox", "id", oldDuplicate)).isFalse();
        assertThat(exists("inbox", "id", recentDone)).isTrue();
        assertThat(exists("inbox", "id", pending)).isTrue();
        assertThat(exists("run", "id", oldRun)).isFalse();
        assertThat(exists("run", "id", recentRun)).isTrue();
        assertThat(exists("record_attempt", "run_id", oldRun)).isFalse();
        assertThat(exists("record_attempt", "run_id", recentRun)).isTrue();
        assertThat(exists("ledger_record", "id", record)).as("the ledger keeps every order").isTrue();
    }

    @Test
    void theStoreGivesThePagesOfPrunedRecordsBackToTheFileSystem() {
        assertThat(pragma("auto_vacuum")).as("a new store is created with auto_vacuum FULL (1)").isEqualTo(1);
        Instant old = Instant.now().minus(Duration.ofDays(8));
        String payload = "x".repeat(2000);
        jdbc.inTransaction(c -> {
            for (int i = 0; i < 2000; i++) {
                Jdbc.update(c, "INSERT INTO inbox (connection_id, payload, status, received_at, settled_at)"
                        + " VALUES ('retention-pages', ?, 'DONE', ?, ?)", payload, old, old);
            }
            return null;
        });
        long pagesBefore = pragma("page_count");

        retention.prune();

        assertThat(pragma("freelist_count")).isZero();
        assertThat(pragma("page_count")).as("about 1,000 pages of 4 KB fewer").isLessThan(pagesBefore - 900);
    }

    private long pragma(String name) {
        return jdbc.one("PRAGMA " + name, rs -> rs.getLong(1)).orElseThrow();
    }

    private long inbox(String status, Instant settledAt) {
        return jdbc.insert("INSERT INTO inbox (connection_id, payload, status, received_at, settled_at)"
                + " VALUES ('retention', '{}', ?, ?, ?)", status, Instant.now().minus(Duration.ofDays(40)), settledAt);
    }

    private String run(Instant finishedAt) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO run (id, connection_id, trigger_kind, status, dry_run, test_run, started_at,"
                + " finished_at) VALUES (?, 'retention', 'manual', 'SUCCEEDED', FALSE, FALSE, ?, ?)", id,
                finishedAt.minusSeconds(5), finishedAt);
        return id;
    }

    private boolean exists(String table, String column, Object value) {
        return jdbc.one("SELECT 1 AS found FROM " + table + " WHERE " + column + " = ?", rs -> rs.getInt("found"),
                value).isPresent();
    }
}
