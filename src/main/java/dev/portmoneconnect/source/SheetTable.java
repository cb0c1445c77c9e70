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
 * outcome never makes a row look edited. A row's identity is its key cell, or the digest of its
 * content, read through {@link IdentityText}: a number and its text, spaces around text, and a date
 * as serial number or as typed text identify the same row. Rows that share an identity are left to
 * {@link DuplicateRows}.
 */
final class SheetTable {

    static final String SOURCE_PREFIX = "sheet:";
    private static final int LONGEST_KEY = 500;

    /**
     * One data row: its sheet row number, its identity, its fields, and what its payment link cell
     * holds (null without one).
     */
    record SheetRow(int number, String key, SourceRecord record, String link) {
    }

    /**
     * How to read the rows.
     *
     * @param linkColumn   the write-back column that receives the payment link, or null
     * @param mappedFields the fields the connection's mapping reads; a header row names at least one of
     *                     them (or the key column). Empty when unknown: then any first row is the header
     */
    record Layout(String keyColumn, Set<String> dateColumns, Set<String> writeBackColumns, String linkColumn,
                  Set<String> mappedFields) {

        Layout(String keyColumn, Set<String> dateColumns, Set<String> writeBackColumns) {
            this(keyColumn, dateColumns, writeBackColumns, null, Set.of());
        }
    }

    private final String sheet;
    private final String keyColumn;
    private final Map<String, Integer> columns;
    private final List<SheetRow> rows;
    private final List<Integer> rowsWithoutKey;
    private final int blankRows;
    private final List<String> missingDateColumns;

    private SheetTable(String sheet, String keyColumn, Map<String, Integer> columns, List<SheetRow> rows,
                       List<Integer> rowsWithoutKey, int blankRows, List<String> missingDateColumns) {
        this.sheet = sheet;
        this.keyColumn = keyColumn;
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
            return new SheetTable(start.sheet(), layout.keyColumn(), Map.of(), List.of(), List.of(), 0, List.of());
        }
        List<Object> header = values.get(headerIndex);
        int headerRow = start.row() + headerIndex;
        Map<String, Integer> columns = new LinkedHashMap<>();
        String[] names = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            Object cell = header.get(i);
            String name = cell == null ? "" : IdentityText.strip(cell.toString());
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
        requireHeader(read.getRange(), headerRow, columns.keySet(), layout);
        if (layout.keyColumn() != null && !columns.containsKey(layout.keyColumn())) {
            throw new SheetSourceException("Key column '" + layout.keyColumn() + "' is not in the header row "
                    + headerRow + " of " + read.getRange() + "; the header names " + columns.keySet());
        }
        List<String> missingDates = layout.dateColumns().stream().filter(c -> !columns.containsKey(c)).toList();
        boolean[] isField = new boolean[names.length];
        boolean[] isDate = new boolean[names.length];
        int linkIndex = -1;
        for (int i = 0; i < names.length; i++) {
            isField[i] = names[i] != null && !layout.writeBackColumns().contains(names[i]);
            isDate[i] = names[i] != null && layout.dateColumns().contains(names[i]);
            if (names[i] != null && names[i].equals(layout.linkColumn()) && !isField[i]) {
                linkIndex = i;
            }
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
            String key = key(layout.keyColumn(), fields);
            if (key == null) {
                withoutKey.add(rowNumber);
                continue;
            }
            Object link = linkIndex >= 0 && linkIndex < cells.size() ? cells.get(linkIndex) : null;
            rows.add(new SheetRow(rowNumber, key, new SourceRecord(SOURCE_PREFIX + rowNumber, fields, key),
                    link == null ? null : link.toString().strip()));
        }
        return new SheetTable(start.sheet(), layout.keyColumn(), Collections.unmodifiableMap(columns), rows, withoutKey,
                blank, missingDates);
    }

    /**
     * A row's identity: its key cell as {@link IdentityText}, or a digest of its content without a key
     * column (and for keys too long to store); null when the key cell is empty.
     */
    static String key(String keyColumn, Map<String, Object> fields) {
        if (keyColumn != null) {
            String key = IdentityText.of(fields.get(keyColumn));
            if (key == null || key.isEmpty()) {
                return null;
            }
            if (key.length() <= LONGEST_KEY) {
                return key;
            }
        }
        return "sha256:" + new SourceRecord(null, fields).contentHash();
    }

    /**
     * A row that names none of the fields the mapping reads is not a header: most likely the range
     * starts below the real header, and the first order would be taken for it.
     */
    private static void requireHeader(String range, int headerRow, Set<String> names, Layout layout) {
        if (layout.mappedFields().isEmpty()) {
            return;
        }
        Set<String> expected = new java.util.LinkedHashSet<>();
        if (layout.keyColumn() != null) {
            expected.add(layout.keyColumn());
        }
        expected.addAll(layout.mappedFields());
        if (expected.stream().anyMatch(names::contains)) {
            return;
        }
        throw new SheetSourceException("Row " + headerRow + " of " + range + " does not look like a header row:"
                + " it names none of the fields the connection reads (" + String.join(", ", expected)
                + "), it holds " + names + ". Start the range at the header row, or name the header cells as the"
                + " mapping reads them");
    }

    /** The sheet as the read named it, quoted when its name needs quotes. */
    String sheet() {
        return sheet;
    }

    /** The header of the key column, or null when rows are identified by their content. */
    String keyColumn() {
        return keyColumn;
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
            if (cell != null && !(cell instanceof String s && IdentityText.strip(s).isEmpty())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A cell as a field value: text stripped, whole numbers as Long, dates (serial numbers, or dates
     * typed as text) as ISO text; blank is absent.
     */
    static Object value(Object cell, boolean date) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof String text) {
            String stripped = IdentityText.strip(text);
            if (stripped.isEmpty()) {
                return null;
            }
            String iso = date ? SerialDates.textToIso(stripped) : null;
            return iso != null ? iso : stripped;
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
}
