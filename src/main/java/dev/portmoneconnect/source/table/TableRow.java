package dev.portmoneconnect.source.table;

import dev.portmoneconnect.source.CursorValue;
import dev.portmoneconnect.source.SourceIds;
import dev.portmoneconnect.source.SourceRecord;

import java.sql.Timestamp;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a shop's table: its cursor position and key as the database typed them (bound back as
 * they are) and the record the route maps, its values as text, numbers or booleans.
 */
record TableRow(Object position, Object key, String keyText, SourceRecord record) {

    static final String SCHEME = "table";

    static TableRow of(String table, Map<String, Object> row, String cursorColumn, String keyColumn) {
        Object key = column(row, keyColumn);
        Object position = column(row, cursorColumn);
        if (key == null || position == null) {
            throw new ShopDatabaseException("A row of " + table + " has no " + (key == null ? keyColumn : cursorColumn)
                    + ": the key and cursor columns must be read and never empty");
        }
        String keyText = CursorValue.of(key).text();
        Map<String, Object> fields = new LinkedHashMap<>();
        row.forEach((name, value) -> {
            if (value != null) {
                fields.put(name, fieldValue(value));
            }
        });
        return new TableRow(position, key, keyText,
                new SourceRecord(SourceIds.of(SCHEME, table, "#" + keyText), fields, keyText));
    }

    /** A column's value, found whatever case the driver gave its name in. */
    static Object column(Map<String, Object> row, String column) {
        String name = column.contains(".") ? column.substring(column.lastIndexOf('.') + 1) : column;
        Object value = row.get(name);
        if (value != null) {
            return value;
        }
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static Object fieldValue(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        return value.toString();
    }
}
