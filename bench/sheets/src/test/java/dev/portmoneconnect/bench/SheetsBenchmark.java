package dev.portmoneconnect.bench;

import dev.portmoneconnect.flow.Invoice;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakeSheets;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
 * heap allocated and peak heap during the run, the database statements executed (counted by
 * {@link StatementCount}) and the Sheets calls. Then the write-back case: 20,000 rows, 50 new ones, and the sheet
 * sorted while the run goes on: exactly 50 invoiced, every outcome on its own row. Run with
 * {@code ./mvnw -Pbench test}; see bench/sheets/README.md.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
class SheetsBenchmark {

    static final int ROWS = 100_000;
    static final int NEW_ROWS = 100;
    static final int SORTED_ROWS = 20_000;
    static final int SORTED_NEW_ROWS = 50;
    static final List<Object> HEADER = List.of("Order ID", "Order date", "Name", "Email", "Amount", "Product",
            "Invoice link", "Status", "Sent at");

    FakeSheets sheets;

    FakePortmone portmone;

    @Inject
    StatementCount statementCount;

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
                + " DB statements | of which per-record | Sheets calls (reads + writes) |\n|---|---|---|---|---|---|---|---|\n");
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
        int readsBefore = sheets.readCalls();
        int writesBefore = sheets.writeCalls();
        long allocatedBefore = allocated();
        Instant start = Instant.now();
        JsonPath run = Api.run("bench-sheet");
        Duration wall = Duration.between(start, Instant.now());
        int reads = sheets.readCalls() - readsBefore;
        int writes = sheets.writeCalls() - writesBefore;
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
        row.put("sheetsCalls", (reads + writes) + " (" + reads + " + " + writes + ")");
        return row;
    }

    @Test
    void aSortWhileTheRunGoesOnLeavesEveryOutcomeOnItsOwnRow() throws Exception {
        FakeSheets.Sheet sheet = sheets.sheet("bench-sorted", "Orders");
        List<List<Object>> rows = new ArrayList<>(SORTED_ROWS + SORTED_NEW_ROWS + 1);
        rows.add(HEADER);
        for (int i = 1; i <= SORTED_ROWS; i++) {
            rows.add(order("S-" + i, i));
        }
        sheet.setRows(rows);
        assertThat(Api.run("bench-sorted").getInt("counts.records")).as("first run: the baseline").isZero();

        Random random = new Random(11);
        List<List<Object>> grown = sheet.rows();
        List<String> added = new ArrayList<>();
        for (int i = 1; i <= SORTED_NEW_ROWS; i++) {
            String id = "NEW-" + i;
            added.add(id);
            grown.add(1 + random.nextInt(grown.size() - 1), order(id, SORTED_ROWS + i));
        }
        sheet.setRows(grown);
        portmone.reset();
        int callsBefore = sheets.calls();
        int readsBefore = sheets.readCalls();
        int writesBefore = sheets.writeCalls();
        int writesKeptBefore = sheets.writes().size();
        sheets.afterNextRead(() -> sheet.sortBy("Email", true));

        Instant start = Instant.now();
        JsonPath run = Api.run("bench-sorted");
        Duration wall = Duration.between(start, Instant.now());

        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("counts.delivered")).isEqualTo(SORTED_NEW_ROWS);
        assertThat(portmone.orders()).hasSize(SORTED_NEW_ROWS);
        List<List<Object>> after = sheet.rows();
        int header = HEADER.indexOf("Order ID");
        int link = HEADER.indexOf("Invoice link");
        int status = HEADER.indexOf("Status");
        int marked = 0;
        int misplaced = 0;
        for (int r = 1; r < after.size(); r++) {
            List<Object> row = after.get(r);
            String id = String.valueOf(row.get(header));
            Object cell = row.size() > link ? row.get(link) : null;
            boolean isNew = id.startsWith("NEW-");
            if (cell != null && !"".equals(cell)) {
                marked++;
                if (!isNew || !cell.equals(portmone.orders().get("bench-sorted_" + id))
                        || !"Sent".equals(row.get(status))) {
                    misplaced++;
                }
            } else if (isNew) {
                misplaced++;
            }
        }
        int reads = sheets.readCalls() - readsBefore;
        int writes = sheets.writeCalls() - writesBefore;
        int cells = 0;
        for (var write : sheets.writes().subList(writesKeptBefore, sheets.writes().size())) {
            for (var data : write.path("data")) {
                for (var values : data.path("values")) {
                    cells += values.size();
                }
            }
        }
        assertThat(marked).isEqualTo(SORTED_NEW_ROWS);
        assertThat(misplaced).isZero();
        assertThat(added).allMatch(id -> portmone.orders().containsKey("bench-sorted_" + id));
        assertThat(writes).isEqualTo(1);

        System.out.printf("%n| case | wall time | invoiced | outcomes on their own row | misplaced | Sheets calls"
                + " | of which reads / batch updates | cells written |%n|---|---|---|---|---|---|---|---|%n"
                + "| %,d rows, %d new, sorted during the run | %d ms | %d | %d | %d | %d | %d / %d | %d |%n",
                SORTED_ROWS + SORTED_NEW_ROWS, SORTED_NEW_ROWS, wall.toMillis(), portmone.orders().size(), marked,
                misplaced, sheets.calls() - callsBefore, reads, writes, cells);
    }

    void resetStatistics() {
        statementCount.reset();
    }

    Map<String, Long> statements() {
        Map<String, Long> counts = new LinkedHashMap<>();
        statementCount.snapshot().forEach((sql, n) -> counts.merge(sql.replaceAll("\\?(, ?\\?)+", "?…"), n, Long::sum));
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
