package dev.portmoneconnect.source;

import dev.portmoneconnect.flow.Invoice;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.RecordStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WriteBackCellsTest {

    static final WriteBackCells.Columns COLUMNS = new WriteBackCells.Columns("Invoice link", "Status", "Sent at");
    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Test
    void neighbouringColumnsAreOneRangeAndOthersTheirOwnAndARecordNoRowHoldsIsWrittenNowhere() {
        SheetTable table = SheetTable.of(new ValueRange().setRange("Orders!A1:Z1000").setValues(List.of(
                List.of("Order ID", "Invoice link", "Status", "Amount", "Sent at"),
                List.of("A-1", "", "", new BigDecimal("10")),
                List.of("A-2", "", "", new BigDecimal("20")))),
                new SheetTable.Layout("Order ID", Set.of(), Set.copyOf(COLUMNS.names())));

        WriteBackCells.Cells cells = WriteBackCells.of(table, Map.of("A-1", 2, "A-2", 3), List.of(
                outcome("A-2", RecordStatus.DELIVERED, "https://pay/2", null, Instant.parse("2025-01-31T10:05:00Z")),
                outcome("A-1", RecordStatus.FAILED, null, "payerEmail: is required", null),
                outcome("A-9", RecordStatus.DELIVERED, "https://pay/9", null, Instant.now()),
                outcome("A-1", RecordStatus.DRY_RUN, null, null, null)), COLUMNS, KYIV);
        List<ValueRange> ranges = cells.ranges();

        assertThat(cells.notFound()).extracting(LedgerRecord::recordKey).containsExactly("A-9");
        assertThat(ranges).extracting(ValueRange::getRange)
                .containsExactly("Orders!B3:C3", "Orders!E3", "Orders!B2:C2", "Orders!E2");
        assertThat(ranges.get(0).getValues()).containsExactly(List.of("https://pay/2", "Sent"));
        assertThat(ranges.get(1).getValues()).containsExactly(List.of("2025-01-31 12:05"));
        assertThat(ranges.get(2).getValues()).containsExactly(List.of("", "Failed: payerEmail: is required"));
        assertThat(ranges.get(3).getValues()).containsExactly(List.of(""));
    }

    @Test
    void whateverWasInsertedSortedOrDeletedAfterTheReadEveryOutcomeGoesToTheRowOfItsOwnKeyOrNowhere() {
        Random random = new Random(17);
        SheetTable.Layout layout = new SheetTable.Layout("Order ID", Set.of(), Set.copyOf(COLUMNS.names()),
                "Invoice link", Set.of());
        List<Object> header = List.of("Order ID", "Name", "Invoice link", "Status", "Sent at");
        for (int trial = 0; trial < 300; trial++) {
            List<List<Object>> rows = new ArrayList<>();
            int n = 1 + random.nextInt(30);
            for (int i = 0; i < n; i++) {
                rows.add(List.of("K-" + i, "Payer " + i));
            }
            List<LedgerRecord> outcomes = new ArrayList<>();
            for (List<Object> row : rows) {
                if (random.nextBoolean()) {
                    String key = (String) row.get(0);
                    outcomes.add(random.nextBoolean()
                            ? outcome(key, RecordStatus.DELIVERED, "https://pay/" + key, null, Instant.now())
                            : outcome(key, RecordStatus.FAILED, null, "amount: is not an amount: '" + key + "'", null));
                }
            }
            List<List<Object>> now = new ArrayList<>(rows);
            Set<Object> deleted = new HashSet<>();
            for (int edits = random.nextInt(6); edits > 0; edits--) {
                switch (random.nextInt(3)) {
                    case 0 -> now.add(random.nextInt(now.size() + 1), List.of("NEW-" + trial + "-" + edits, "New"));
                    case 1 -> Collections.shuffle(now, random);
                    default -> {
                        if (!now.isEmpty()) {
                            deleted.add(now.remove(random.nextInt(now.size())).get(0));
                        }
                    }
                }
            }
            List<List<Object>> all = new ArrayList<>();
            all.add(header);
            all.addAll(now);
            SheetTable table = SheetTable.of(new ValueRange().setRange("Orders!A1:Z1000").setValues(all), layout);
            Map<String, Integer> rowByKey = new HashMap<>();
            DuplicateRows.resolve(table.rows(), "Order ID", DuplicateRows.NOTHING)
                    .forEach(r -> rowByKey.putIfAbsent(r.key(), r.number()));

            WriteBackCells.Cells cells = WriteBackCells.of(table, rowByKey, outcomes, COLUMNS, KYIV);

            assertThat(cells.notFound()).extracting(LedgerRecord::recordKey).as("trial %d", trial)
                    .containsExactlyInAnyOrderElementsOf(outcomes.stream().map(LedgerRecord::recordKey)
                            .filter(deleted::contains).toList());
            assertThat(cells.ranges()).hasSize(outcomes.size() - cells.notFound().size());
            for (ValueRange range : cells.ranges()) {
                int row = Integer.parseInt(range.getRange().replaceAll("^Orders!C(\\d+):E\\d+$", "$1"));
                String key = (String) all.get(row - 1).get(0);
                List<Object> written = range.getValues().get(0);
                assertThat(written.get(0).equals("https://pay/" + key)
                        || written.get(1).toString().endsWith("'" + key + "'")).as("trial %d, row %d", trial, row)
                        .isTrue();
            }
        }
    }

    static LedgerRecord outcome(String key, RecordStatus status, String link, String error, Instant deliveredAt) {
        Instant now = Instant.parse("2025-01-31T10:00:00Z");
        return new LedgerRecord(1, "c", key, "hash", "sheet:2", status, 1, "c_" + key, link, null, null, "email", null,
                null, null, null, null, null, error, 1, false, "run", now, now, now, deliveredAt);
    }
}
