package dev.portmoneconnect.source;

import com.google.api.services.sheets.v4.model.ValueRange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of one values read, as records: the first non-blank row names the fields, blank rows
 * are skipped wherever they are, and every row keeps its sheet row number so an outcome can be
 * written next to it. Columns the app writes back into are not part of a record, so writing an
 * outcome never makes a row look edited.
 */
final class SheetTable {

    static final String SOURCE_PREFIX = "sheet:";
    private static final int LONGEST_KEY = 500;

    /** One data row: its sheet row number, its identity and its fields. */
    record SheetRow(int number, String key, SourceRecord record) {
    }

    /** How to read the rows. */
    record Layout(String keyColumn, Set<String> dateColumns, Set<String> writeBackColumns) {
    }

    private final String sheet;
    private final Map<String, Integer> columns;
    private final List<SheetRow> rows;
    private final List<Integer> rowsWithoutKey;
    private final int blankRows;
    private final List<String> missingDateColumns;

    private SheetTable(String sheet, Map<String, Integer> columns, List<SheetRow> rows, List<Integer> rowsWithoutKey,
                       int blankRows, List<String> missingDateColumns) {
        this.sheet = sheet;
        this.columns = columns;
        this.rows = rows;
        this.rowsWithoutKey = rowsWithoutKey;
        this.blankRows = blankRows;
        this.missingDateColumns = missingDateColumns;
    }

    static SheetTable of(ValueRange read, Layout layout) {
        A1Notation.Start start = A1Notation.start(read.getRange());
        List<List<Object>> values = read.getValues() == null ? List.of() : read.getValues();
        int headerIndex = 0;
        while (headerIndex < values.size() && isBlank(values.get(headerIndex), null)) {
            headerIndex++;
        }
        if (headerIndex == values.size()) {
            return new SheetTable(start.sheet(), Map.of(), List.of(), List.of(), 0, List.of());
        }
        List<Object> header = values.get(headerIndex);
        int headerRow = start.row() + headerIndex;
        Map<String, Integer> columns = new LinkedHashMap<>();
        String[] names = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            Object cell = header.get(i);
            String name = cell == null ? "" : cell.toString().strip();
            if (name.isEmpty()) {
                continue;
            }
            int column = start.column() + i;
            Integer earlier = columns.putIfAbsent(name, column);
            if (earlier != null) {
                throw new SheetSourceException("Column '" + name + "' appears twice in the header row " + headerRow
                        + " (" + A1Notation.column(earlier) + " and " + A1Notation.column(column)
                        + "): rename one so each field has one column");
            }
            names[i] = name;
        }
        if (layout.keyColumn() != null && !columns.containsKey(layout.keyColumn())) {
            throw new SheetSourceException("Key column '" + layout.keyColumn() + "' is not in the header row "
                    + headerRow + " of " + read.getRange() + "; the header names " + columns.keySet());
        }
        List<String> missingDates = layout.dateColumns().stream().filter(c -> !columns.containsKey(c)).toList();
        boolean[] isField = new boolean[names.length];
        boolean[] isDate = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            isField[i] = names[i] != null && !layout.writeBackColumns().contains(names[i]);
            isDate[i] = names[i] != null && layout.dateColumns().contains(names[i]);
        }

        List<SheetRow> rows = new ArrayList<>();
        List<Integer> withoutKey = new ArrayList<>();
        int blank = 0;
        for (int r = headerIndex + 1; r < values.size(); r++) {
            List<Object> cells = values.get(r);
            int rowNumber = start.row() + r;
            if (isBlank(cells, isField)) {
                blank++;
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(cells.size(), names.length); i++) {
                if (!isField[i]) {
                    continue;
                }
                Object value = value(cells.get(i), isDate[i]);
                if (value != null) {
                    fields.put(names[i], value);
                }
            }
            String key;
            if (layout.keyColumn() == null) {
                key = "sha256:" + new SourceRecord(SOURCE_PREFIX + rowNumber, fields).contentHash();
            } else {
                Object keyValue = fields.get(layout.keyColumn());
                if (keyValue == null) {
                    withoutKey.add(rowNumber);
                    continue;
                }
                key = text(keyValue);
                if (key.length() > LONGEST_KEY) {
                    key = "sha256:" + new SourceRecord(SOURCE_PREFIX + rowNumber, fields).contentHash();
                }
            }
            rows.add(new SheetRow(rowNumber, key, new SourceRecord(SOURCE_PREFIX + rowNumber, fields, key)));
        }
        return new SheetTable(start.sheet(), Collections.unmodifiableMap(columns), rows, withoutKey, blank,
                missingDates);
    }

    /** The sheet as the read named it, quoted when its name needs quotes. */
    String sheet() {
        return sheet;
    }

    /** Header names to their column (0 = A). */
    Map<String, Integer> columns() {
        return columns;
    }

    List<SheetRow> rows() {
        return rows;
    }

    /** Rows with data but an empty key cell: not orders yet, left until the key is filled in. */
    List<Integer> rowsWithoutKey() {
        return rowsWithoutKey;
    }

    int blankRows() {
        return blankRows;
    }

    List<String> missingDateColumns() {
        return missingDateColumns;
    }

    private static boolean isBlank(List<Object> cells, boolean[] isField) {
        if (cells == null) {
            return true;
        }
        for (int i = 0; i < cells.size(); i++) {
            if (isField != null && (i >= isField.length || !isField[i])) {
                continue;
            }
            Object cell = cells.get(i);
            if (cell != null && !(cell instanceof String s && s.isBlank())) {
                return false;
            }
        }
        return true;
    }

    /** A cell as a field value: text stripped, whole numbers as Long, dates as ISO text; blank is absent. */
    private static Object value(Object cell, boolean date) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof String text) {
            String stripped = text.strip();
            return stripped.isEmpty() ? null : stripped;
        }
        if (cell instanceof Number number) {
            if (date) {
                return SerialDates.toIso(number);
            }
            BigDecimal decimal = new BigDecimal(number.toString()).stripTrailingZeros();
            if (decimal.scale() <= 0 && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return decimal.longValueExact();
            }
            return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
        }
        if (cell instanceof Boolean) {
            return cell;
        }
        return cell.toString();
    }

    private static String text(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString().strip();
    }
}
