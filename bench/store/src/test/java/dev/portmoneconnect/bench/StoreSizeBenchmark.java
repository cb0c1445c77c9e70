package dev.portmoneconnect.bench;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.ledger.Retention;
import dev.portmoneconnect.ledger.StoreFile;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size of the embedded SQLite store: after 100,000 webhook records invoiced and e-mailed through
 * the example connection, and after a week of use that follows them (records every hour, a run and
 * the retention job every hour, with the documented retention: settled inbox records 7 days, runs 90
 * days). The app's clock ({@link BenchClock}) moves an hour at a time. Run with
 * {@code ./mvnw -Pbench test -Dbench.test=StoreSizeBenchmark}; settings {@code -Dbench.store.records=100000
 * -Dbench.store.week-records-per-day=2000}.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@TestProfile(StoreSizeBenchmark.OwnStore.class)
class StoreSizeBenchmark {

    static final int RECORDS = Integer.getInteger("bench.store.records", 100_000);
    static final int PER_DAY = Integer.getInteger("bench.store.week-records-per-day", 2_000);
    static final int PER_POST = 500;
    static final String CONNECTION = "landing-orders";
    static final String[] TABLES = {"inbox", "ledger_record", "record_attempt", "run"};

    /** A store file of its own, so that nothing else the JVM ran is in it. */
    public static class OwnStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the retention is the documented default: settled inbox records 7 days, runs 90 days
            return Map.of("quarkus.datasource.jdbc.url",
                    "jdbc:sqlite:target/bench-store/store-" + System.currentTimeMillis() + ".db");
        }
    }

    FakePortmone portmone;

    GreenMail mail;

    @Inject
    BenchClock clock;

    @Inject
    Retention retention;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void storeSizeAfter100000RecordsAndAWeekOfUse() throws Exception {
        Path file = StoreFile.of(url).orElseThrow();
        List<String> rows = new ArrayList<>();
        rows.add(line("new store", file, 0));

        long began = System.nanoTime();
        int invoiced = handle(RECORDS, "A");
        assertThat(invoiced).isEqualTo(RECORDS);
        rows.add(line(String.format(Locale.ROOT, "%,d records invoiced and e-mailed (%.0f s)", RECORDS,
                (System.nanoTime() - began) / 1e9), file, RECORDS));

        int perHour = Math.max(1, PER_DAY / 24);
        int week = 0;
        for (int hour = 1; hour <= 7 * 24; hour++) {
            clock.advance(Duration.ofHours(1));
            week += handle(perHour, "W" + hour);
            retention.prune();
            if (hour % 24 == 0) {
                System.out.printf("day %d: %s%n", hour / 24, counts());
            }
        }
        rows.add(line(String.format(Locale.ROOT, "then a week: %,d records more, %d an hour, run and retention hourly",
                week, perHour), file, RECORDS + week));
        clock.advance(Duration.ofHours(1));
        Retention.Pruned pruned = retention.prune();
        rows.add(line(String.format(Locale.ROOT, "an hour later: the first %,d settled inbox records pruned (7 days old)",
                pruned.inbox()), file, RECORDS + week));

        System.out.println("\n| store after | file (.db) | write-ahead log (.db-wal) | rows: " + String.join(", ", TABLES)
                + " | free pages |\n|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** Posts n records, runs the connection until they are all handled; the records invoiced. */
    int handle(int n, String prefix) throws Exception {
        for (int from = 0; from < n; from += PER_POST) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + PER_POST); i++) {
                String id = prefix + "-" + i;
                batch.add(Map.of("order_id", id, "name", "Payer " + id, "email", "payer-" + id.toLowerCase(Locale.ROOT)
                        + "@example.com", "phone", "", "amount", "123.45", "lang", "uk"));
            }
            Api.post(CONNECTION, batch);
        }
        int invoiced = 0;
        while (true) {
            JsonPath run = Api.runAndPoll(CONNECTION);
            assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
            invoiced += run.getInt("counts.invoiced");
            // the fakes keep what they received in memory: drop it between runs
            portmone.reset();
            mail.purgeEmailFromAllMailboxes();
            if (run.getInt("counts.records") == 0) {
                return invoiced;
            }
        }
    }

    String line(String after, Path file, int records) throws Exception {
        long db = Files.size(file);
        Path walFile = file.resolveSibling(file.getFileName() + "-wal");
        long wal = Files.exists(walFile) ? Files.size(walFile) : 0;
        Map<String, Long> counts = counts();
        String perRecord = records == 0 ? "" : String.format(Locale.ROOT, " (%,d bytes a record)", db / records);
        return String.format(Locale.ROOT, "| %s | %.1f MB%s | %.1f MB | %s | %d |", after, db / 1e6, perRecord,
                wal / 1e6, counts.values().stream().map(n -> String.format(Locale.ROOT, "%,d", n)).toList()
                        .toString().replaceAll("[\\[\\]]", ""), pragma("freelist_count"));
    }

    Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    long pragma(String name) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
