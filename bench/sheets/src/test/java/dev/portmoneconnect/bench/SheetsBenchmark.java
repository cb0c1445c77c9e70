package dev.portmoneconnect.bench;

import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakeSheets;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One sheet connection over a 100,000-row sheet on the fake Sheets API: the first run (baseline),
 * a run with 100 new rows scattered through the sheet, and a run with none. For each: wall time,
 * heap allocated and peak heap during the run, and the database statements executed (H2's query
 * statistics). Run with {@code ./mvnw -Pbench test}; see bench/sheets/README.md.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
class SheetsBenchmark {

    static final int ROWS = 100_000;
    static final int NEW_ROWS = 100;
    static final List<Object> HEADER = List.of("Order ID", "Order date", "Name", "Email", "Amount", "Product",
            "Invoice link", "Status", "Sent at");

    FakeSheets sheets;

    @Inject
    DataSource dataSource;

    @Test
    void oneRunCostsWhatItsNewRowsCost() throws Exception {
        FakeSheets.Sheet sheet = sheets.sheet("bench-sheet", "Orders");
        List<List<Object>> rows = new ArrayList<>(ROWS + NEW_ROWS + 1);
        rows.add(HEADER);
        for (int i = 1; i <= ROWS; i++) {
            rows.add(order("B-" + i, i));
        }
        sheet.setRows(rows);

        List<Map<String, Object>> results = new ArrayList<>();
        results.add(measure("first run: 100,000 rows taken as baseline", () -> { }, 0));
        results.add(measure("0 new rows among 100,000", () -> { }, 0));
        results.add(measure("100 new rows among 100,100", () -> {
            Random random = new Random(7);
            List<List<Object>> grown = sheet.rows();
            for (int i = 1; i <= NEW_ROWS; i++) {
                grown.add(1 + random.nextInt(grown.size() - 1), order("N-" + i, ROWS + i));
            }
            sheet.setRows(grown);
        }, NEW_ROWS));
        results.add(measure("0 new rows among 100,100", () -> { }, 0));
        results.add(measure("0 new rows among 100,100 (again)", () -> { }, 0));

        StringBuilder table = new StringBuilder("\n| run | wall time | records | heap allocated | peak heap |"
                + " DB statements | of which per-record |\n|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> r : results) {
            table.append("| ").append(String.join(" | ", r.values().stream().map(String::valueOf).toList()))
                    .append(" |\n");
        }
        System.out.println(table);
    }

    Map<String, Object> measure(String name, Runnable change, int expectedRecords) throws Exception {
        change.run();
        System.gc();
        resetStatistics();
        resetPeaks();
        long allocatedBefore = allocated();
        Instant start = Instant.now();
        JsonPath run = Api.run("bench-sheet");
        Duration wall = Duration.between(start, Instant.now());
        long allocatedDuring = allocated() - allocatedBefore;
        long peak = peakHeap();
        Map<String, Long> statements = statements();
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("counts.delivered")).isEqualTo(expectedRecords);

        long total = statements.values().stream().mapToLong(Long::longValue).sum();
        long perRecord = statements.entrySet().stream()
                .filter(e -> e.getKey().contains("ledger_record") || e.getKey().contains("record_attempt")
                        || e.getKey().contains("sheet_write_back"))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.println("\n== " + name + ": statements by text");
        statements.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("%8d  %s%n", e.getValue(), e.getKey().replaceAll("\\s+", " ")
                        .substring(0, Math.min(110, e.getKey().replaceAll("\\s+", " ").length()))));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run", name);
        row.put("wall", wall.toMillis() + " ms");
        row.put("records", run.getInt("counts.records"));
        row.put("allocated", allocatedDuring / (1024 * 1024) + " MiB");
        row.put("peak", peak / (1024 * 1024) + " MiB");
        row.put("statements", total);
        row.put("perRecord", perRecord);
        return row;
    }

    void resetStatistics() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET QUERY_STATISTICS FALSE");
            s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 5000");
            s.execute("SET QUERY_STATISTICS TRUE");
        }
    }

    Map<String, Long> statements() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM"
                    + " INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                while (rs.next()) {
                    String sql = rs.getString(1);
                    if (!sql.contains("QUERY_STATISTICS")) {
                        counts.merge(sql.replaceAll("\\?(, ?\\?)+", "?…"), rs.getLong(2), Long::sum);
                    }
                }
            }
            s.execute("SET QUERY_STATISTICS FALSE");
        }
        return counts;
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    static long allocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
    }

    static List<Object> order(String id, int n) {
        return Arrays.asList(id, 45000 + n % 700, "Customer " + n, "customer" + n + "@example.com", 100 + n % 900,
                "Order " + id);
    }
}
