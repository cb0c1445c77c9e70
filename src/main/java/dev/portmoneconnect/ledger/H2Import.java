package dev.portmoneconnect.ledger;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Moves the H2 database of an earlier version into the SQLite store, once, at start-up: every row
 * of every table both know (Quartz's planned firings excepted: they are planned again from the
 * route files and the stored next firing). The copy is one transaction; the H2 file is then renamed
 * to {@code *.mv.db.imported}. If the SQLite store already holds records the app refuses to start,
 * since which of the two is right is the operator's call.
 */
@ApplicationScoped
public class H2Import {

    private static final String H2_SUFFIX = ".mv.db";
    private static final String IMPORTED_SUFFIX = ".mv.db.imported";
    private static final int BATCH = 1000;

    @Inject
    DataSource dataSource;

    /** The earlier versions' database, as its file name without {@code .mv.db}. */
    @ConfigProperty(name = "connect.store.h2-import", defaultValue = "data/portmone-connect")
    String h2Database;

    @ConfigProperty(name = "connect.store.h2-import-user", defaultValue = "sa")
    String h2User;

    @ConfigProperty(name = "connect.store.h2-import-password")
    Optional<String> h2Password;

    public void importIfPresent() {
        Path h2File = Path.of(h2Database + H2_SUFFIX).toAbsolutePath();
        if (!Files.isRegularFile(h2File)) {
            return;
        }
        String h2Url = "jdbc:h2:file:" + Path.of(h2Database).toAbsolutePath() + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
        try (Connection h2 = DriverManager.getConnection(h2Url, h2User, h2Password.orElse(""));
             Connection sqlite = dataSource.getConnection()) {
            if (holdsRecords(sqlite)) {
                throw new IllegalStateException(h2File + " holds the database of an earlier version, and the SQLite"
                        + " store holds records too. Move one of them aside: rename " + h2File + " to keep the"
                        + " SQLite store, or stop the app and delete the SQLite store's files to import the H2 database.");
            }
            Map<String, Integer> copied = copyAll(h2, sqlite);
            Log.infof("Moved the earlier H2 database %s into the SQLite store: %s", h2File, copied);
        } catch (SQLException e) {
            throw new LedgerException("the earlier H2 database " + h2File + " cannot be moved into the SQLite store: "
                    + e.getMessage(), e);
        }
        try {
            Files.move(h2File, Path.of(h2Database + IMPORTED_SUFFIX).toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("the H2 database was imported, but " + h2File + " cannot be renamed", e);
        }
    }

    private static boolean holdsRecords(Connection sqlite) throws SQLException {
        try (Statement s = sqlite.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM ledger_record) + (SELECT COUNT(*) FROM inbox)"
                     + " + (SELECT COUNT(*) FROM run)")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private Map<String, Integer> copyAll(Connection h2, Connection sqlite) throws SQLException {
        Map<String, Integer> copied = new LinkedHashMap<>();
        try (Statement s = sqlite.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("BEGIN IMMEDIATE");
            try {
                for (String table : sqliteTables(sqlite)) {
                    List<String> columns = sharedColumns(h2, sqlite, table);
                    if (!columns.isEmpty()) {
                        copied.put(table, copy(h2, sqlite, table, columns));
                    }
                }
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            } finally {
                s.execute("PRAGMA foreign_keys = ON");
            }
        }
        return copied;
    }

    private static List<String> sqliteTables(Connection sqlite) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = sqlite.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                     + " AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'QRTZ%' AND name <> 'flyway_schema_history'"
                     + " ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static List<String> sharedColumns(Connection h2, Connection sqlite, String table) throws SQLException {
        List<String> h2Columns = new ArrayList<>();
        try (PreparedStatement ps = h2.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND UPPER(TABLE_NAME) = ?")) {
            ps.setString(1, table.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    h2Columns.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        List<String> shared = new ArrayList<>();
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                String column = rs.getString("name");
                if (h2Columns.contains(column.toLowerCase(Locale.ROOT))) {
                    shared.add(column);
                }
            }
        }
        return shared;
    }

    private static int copy(Connection h2, Connection sqlite, String table, List<String> columns) throws SQLException {
        String list = String.join(", ", columns);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        int rows = 0;
        try (Statement read = h2.createStatement();
             ResultSet rs = read.executeQuery("SELECT " + list + " FROM " + table);
             PreparedStatement write = sqlite.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES (" + marks + ")")) {
            while (rs.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    write.setObject(i, sqliteValue(rs.getObject(i)));
                }
                write.addBatch();
                if (++rows % BATCH == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
        return rows;
    }

    /** Times become the milliseconds SQLite keeps, booleans 1 and 0. */
    static Object sqliteValue(Object h2Value) {
        if (h2Value instanceof OffsetDateTime time) {
            return time.toInstant().toEpochMilli();
        }
        if (h2Value instanceof Timestamp time) {
            return time.toInstant().toEpochMilli();
        }
        if (h2Value instanceof Instant time) {
            return time.toEpochMilli();
        }
        if (h2Value instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        return h2Value;
    }
}
