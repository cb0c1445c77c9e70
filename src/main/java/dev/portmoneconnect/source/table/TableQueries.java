package dev.portmoneconnect.source.table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The statements a table source sends, in the SQL that PostgreSQL, MariaDB and MySQL share: plain
 * identifiers, {@code ?} parameters, {@code LIMIT}. Rows are read in the order of the cursor column,
 * then the key column, so that rows sharing a cursor value (the same time) are never skipped.
 */
record TableQueries(String table, String columns, String where, String cursorColumn, String keyColumn,
                    int batchSize) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    TableQueries {
        identifier("table", table);
        identifier("keyColumn", keyColumn);
        identifier("cursorColumn", cursorColumn);
        if (!columns.strip().equals("*")) {
            for (String column : columns.split(",")) {
                identifier("columns", column.strip());
            }
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be between 1 and 10000, not " + batchSize);
        }
    }

    static void identifier(String option, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(option + " must be a plain column or table name (letters, digits,"
                    + " underscores, optionally schema.name), not '" + name + "'");
        }
    }

    boolean cursorIsKey() {
        return cursorColumn.equalsIgnoreCase(keyColumn);
    }

    /** A statement and its parameters, in order. */
    record Statement(String sql, List<Object> parameters) {
    }

    /** The first rows, or the rows after a position (and, among rows of that position, after a key). */
    Statement after(Object position, Object key) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(columns.strip()).append(" FROM ").append(table);
        List<String> conditions = new ArrayList<>();
        if (where != null && !where.isBlank()) {
            conditions.add("(" + where.strip() + ")");
        }
        if (position != null) {
            if (key == null || cursorIsKey()) {
                conditions.add(cursorColumn + " > ?");
                parameters.add(position);
            } else {
                conditions.add("(" + cursorColumn + " > ? OR (" + cursorColumn + " = ? AND " + keyColumn + " > ?))");
                parameters.add(position);
                parameters.add(position);
                parameters.add(key);
            }
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY ").append(order(""));
        sql.append(" LIMIT ").append(batchSize);
        return new Statement(sql.toString(), parameters);
    }

    /** The rows of the given keys: those a replay gives another go. */
    Statement byKeys(List<Object> keys) {
        String marks = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        return new Statement("SELECT " + columns.strip() + " FROM " + table + " WHERE " + keyColumn + " IN (" + marks
                + ")", List.copyOf(keys));
    }

    /** The last row there is now: where a first run that takes the rows already there as handled starts. */
    Statement last() {
        StringBuilder sql = new StringBuilder("SELECT ").append(cursorColumn).append(" AS cursor_position, ")
                .append(keyColumn).append(" AS cursor_key FROM ").append(table);
        if (where != null && !where.isBlank()) {
            sql.append(" WHERE (").append(where.strip()).append(")");
        }
        sql.append(" ORDER BY ").append(order(" DESC")).append(" LIMIT 1");
        return new Statement(sql.toString(), List.of());
    }

    /** Writes a row's outcome into the given columns (those not null). */
    Statement writeBack(String linkColumn, String statusColumn, String errorColumn, String link, String status,
                        String error, Object key) {
        List<String> sets = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (linkColumn != null) {
            sets.add(linkColumn + " = ?");
            parameters.add(link);
        }
        if (statusColumn != null) {
            sets.add(statusColumn + " = ?");
            parameters.add(status);
        }
        if (errorColumn != null) {
            sets.add(errorColumn + " = ?");
            parameters.add(error);
        }
        parameters.add(key);
        return new Statement("UPDATE " + table + " SET " + String.join(", ", sets) + " WHERE " + keyColumn + " = ?",
                parameters);
    }

    private String order(String direction) {
        return cursorIsKey() ? cursorColumn + direction
                : cursorColumn + direction + ", " + keyColumn + direction;
    }
}
