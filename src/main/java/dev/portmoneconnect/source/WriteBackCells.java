package dev.portmoneconnect.source;

import com.google.api.services.sheets.v4.model.ValueRange;
import dev.portmoneconnect.ledger.LedgerRecord;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cells that show each record's outcome in its sheet row: payment link, status, time sent and
 * time paid, in the columns the header names. Each record goes to the one row that holds its
 * identity in the values read just before the write, so the cells are right however the rows were
 * sorted, inserted or deleted since; a record no row holds any more is given back as not found,
 * never written elsewhere.
 */
final class WriteBackCells {

    private static final DateTimeFormatter SENT_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The header names of the columns written, each optional; "Paid at" is written only when the header has it. */
    record Columns(String link, String status, String sentAt, String paidAt) {

        Columns(String link, String status, String sentAt) {
            this(link, status, sentAt, null);
        }

        List<String> names() {
            List<String> names = new ArrayList<>();
            for (String name : new String[]{link, status, sentAt, paidAt}) {
                if (name != null && !name.isBlank()) {
                    names.add(name);
                }
            }
            return names;
        }
    }

    private WriteBackCells() {
    }

    /** The ranges to write, and the outcomes whose record no row holds. */
    record Cells(List<ValueRange> ranges, List<LedgerRecord> notFound) {
    }

    /**
     * @param rowByKey each record identity of the table (duplicates under their own keys) to its row number
     */
    static Cells of(SheetTable table, Map<String, Integer> rowByKey, Collection<LedgerRecord> outcomes,
                    Columns columns, ZoneId zone) {
        return of(table, rowByKey, outcomes, columns, zone, Map.of());
    }

    /**
     * @param rowByKey each record identity of the table (duplicates under their own keys) to its row number
     * @param paidAt   when each record's invoice was paid, by ledger id; records not in it are unpaid
     */
    static Cells of(SheetTable table, Map<String, Integer> rowByKey, Collection<LedgerRecord> outcomes,
                    Columns columns, ZoneId zone, Map<Long, Instant> paidAt) {
        List<ValueRange> ranges = new ArrayList<>();
        List<LedgerRecord> notFound = new ArrayList<>();
        for (LedgerRecord outcome : outcomes) {
            String status = status(outcome);
            if (status == null) {
                continue;
            }
            Integer row = rowByKey.get(outcome.recordKey());
            if (row == null) {
                notFound.add(outcome);
                continue;
            }
            TreeMap<Integer, Object> cells = new TreeMap<>();
            put(cells, table, columns.link(), outcome.paymentLink() == null ? "" : outcome.paymentLink());
            put(cells, table, columns.status(), status);
            put(cells, table, columns.sentAt(), outcome.deliveredAt() == null ? ""
                    : SENT_AT.format(outcome.deliveredAt().atZone(zone)));
            Instant paid = paidAt.get(outcome.id());
            put(cells, table, columns.paidAt(), paid == null ? "" : SENT_AT.format(paid.atZone(zone)));
            if (!cells.isEmpty()) {
                addRuns(ranges, table.sheet(), row, cells);
            }
        }
        return new Cells(ranges, notFound);
    }

    /** What the status cell says; null for a record with nothing to show yet. */
    static String status(LedgerRecord outcome) {
        return switch (outcome.status()) {
            case DELIVERED -> "Sent";
            case INVOICED -> "Invoiced";
            case FAILED, PARKED -> outcome.errorMessage() == null ? "Failed" : "Failed: " + outcome.errorMessage();
            case RECEIVED, DRY_RUN -> null;
        };
    }

    private static void put(Map<Integer, Object> cells, SheetTable table, String header, Object value) {
        if (header == null || header.isBlank()) {
            return;
        }
        Integer column = table.columns().get(header);
        if (column != null) {
            cells.put(column, value);
        }
    }

    /** One range per run of adjacent columns, so three neighbouring cells are one range. */
    private static void addRuns(List<ValueRange> ranges, String sheet, int row, TreeMap<Integer, Object> cells) {
        int first = -1;
        int last = -1;
        List<Object> values = new ArrayList<>();
        for (Map.Entry<Integer, Object> cell : cells.entrySet()) {
            if (first >= 0 && cell.getKey() != last + 1) {
                ranges.add(range(sheet, row, first, last, values));
                values = new ArrayList<>();
                first = -1;
            }
            if (first < 0) {
                first = cell.getKey();
            }
            last = cell.getKey();
            values.add(cell.getValue());
        }
        if (first >= 0) {
            ranges.add(range(sheet, row, first, last, values));
        }
    }

    private static ValueRange range(String sheet, int row, int first, int last, List<Object> values) {
        return new ValueRange().setRange(A1Notation.rowRange(sheet, row, first, last)).setMajorDimension("ROWS")
                .setValues(List.of(values));
    }
}
