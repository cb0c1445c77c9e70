package dev.portmoneconnect.source.files;

import dev.portmoneconnect.source.SourceIds;
import dev.portmoneconnect.source.SourceRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a file's rows of cells into records: the first non-blank row is the header and names the
 * fields, blank rows are skipped wherever they are, empty cells are left out of a record. Each
 * record's source id names the file and the row: {@code file:orders.csv#4}.
 */
final class FileRows {

    static final String SCHEME = "file";

    private FileRows() {
    }

    /** A row of cells with its number in the file. */
    record Cells(int rowNumber, List<Object> values) {
        boolean blank() {
            return values.stream().allMatch(FileRows::isEmpty);
        }
    }

    static OrderFile of(String name, char delimiter, List<Cells> rows, FileLayout layout) {
        int headerAt = 0;
        while (headerAt < rows.size() && rows.get(headerAt).blank()) {
            headerAt++;
        }
        if (headerAt == rows.size()) {
            throw new UnreadableFileException(name + " has no header row: the first row must name the columns");
        }
        List<String> header = header(rows.get(headerAt).values());
        if (layout.keyColumn() != null && !header.contains(layout.keyColumn())) {
            throw new UnreadableFileException(name + " has no column '" + layout.keyColumn() + "' in its header row "
                    + rows.get(headerAt).rowNumber() + " (it has " + String.join(", ", header.stream()
                    .filter(h -> h != null).toList()) + ")");
        }
        List<OrderFile.FileRow> out = new ArrayList<>();
        int blank = 0;
        for (Cells row : rows.subList(headerAt + 1, rows.size())) {
            if (row.blank()) {
                blank++;
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < row.values().size(); i++) {
                Object value = row.values().get(i);
                if (header.get(i) != null && !isEmpty(value)) {
                    fields.put(header.get(i), value instanceof String text ? text.strip() : value);
                }
            }
            String sourceId = SourceIds.of(SCHEME, name, "#" + row.rowNumber());
            if (layout.keyColumn() == null) {
                out.add(new OrderFile.FileRow(row.rowNumber(), null, new SourceRecord(sourceId, fields), null));
                continue;
            }
            Object keyCell = fields.get(layout.keyColumn());
            if (keyCell == null) {
                out.add(new OrderFile.FileRow(row.rowNumber(), null, null, layout.keyColumn() + ": is empty"));
            } else {
                String key = keyCell.toString();
                out.add(new OrderFile.FileRow(row.rowNumber(), key, new SourceRecord(sourceId, fields, key), null));
            }
        }
        return new OrderFile(name, delimiter, header, out, blank);
    }

    /** Header names, stripped; a blank header leaves its column out, a repeated one is numbered. */
    private static List<String> header(List<Object> cells) {
        List<String> names = new ArrayList<>();
        for (Object cell : cells) {
            String name = isEmpty(cell) ? null : cell.toString().strip();
            if (name != null && names.contains(name)) {
                int n = 2;
                while (names.contains(name + " (" + n + ")")) {
                    n++;
                }
                name = name + " (" + n + ")";
            }
            names.add(name);
        }
        return names;
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }
}
