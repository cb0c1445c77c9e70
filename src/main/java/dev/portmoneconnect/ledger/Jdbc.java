package dev.portmoneconnect.ledger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Thin JDBC access shared by the repositories: one statement, one connection, autocommit. It hides
 * what differs between the stores: how times are kept, and that SQLite has one writer at a time
 * (writes of this process queue here instead of waiting on the database file's lock).
 */
@ApplicationScoped
public class Jdbc {

    /** SQLSTATE of a unique-constraint violation on PostgreSQL and H2. */
    public static final String UNIQUE_VIOLATION = "23505";

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The app has one datasource; its store decides how the static helpers bind times. */
    private static volatile Store current = Store.POSTGRESQL;

    private final ReentrantLock writer = new ReentrantLock();

    @Inject
    DataSource dataSource;

    private Store store;

    @PostConstruct
    void detectStore() {
        store = inConnection(c -> Store.of(c.getMetaData().getDatabaseProductName()));
        current = store;
    }

    public Store store() {
        return store;
    }

    public int update(String sql, Object... params) {
        return writing(() -> inConnection(c -> update(c, sql, params)));
    }

    public long insert(String sql, Object... params) {
        return writing(() -> inConnection(c -> insert(c, sql, params)));
    }

    /** Runs an INSERT on the caller's connection (inside its transaction): the generated key. */
    public static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Runs an INSERT that may insert no row (INSERT ... SELECT): the generated key, or null when none. */
    public Long insertIfAny(String sql, Object... params) {
        return writing(() -> inConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, params);
                if (ps.executeUpdate() == 0) {
                    return null;
                }
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    return keys.next() ? keys.getLong(1) : null;
                }
            }
        }));
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return inConnection(c -> list(c, sql, mapper, params));
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Runs work on one connection, in autocommit: for reads, and for writes through the static helpers' callers. */
    public <T> T inConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw LedgerException.of(e);
        }
    }

    /**
     * Runs work in one transaction, rolled back when it throws. On SQLite the transaction holds the
     * write lock from its first statement, so what it reads stays true until it commits.
     */
    public <T> T inTransaction(Work<T> work) {
        return writing(() -> inConnection(c -> store == Store.SQLITE ? immediate(c, work) : transaction(c, work)));
    }

    private static <T> T transaction(Connection c, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** SQLite's driver would begin the next transaction right after each commit, holding the lock; so the app says when. */
    private static <T> T immediate(Connection c, Work<T> work) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run(c);
                s.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private <T> T writing(java.util.function.Supplier<T> write) {
        if (store != Store.SQLITE) {
            return write.get();
        }
        writer.lock();
        try {
            return write.get();
        } finally {
            writer.unlock();
        }
    }

    /** Sets a time parameter the way the store keeps times: for statements prepared outside this class (batches). */
    public static void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
        if (time == null) {
            ps.setObject(index, null);
        } else if (current.keepsTimesAsMillis()) {
            ps.setLong(index, time.toEpochMilli());
        } else {
            ps.setObject(index, time.atOffset(ZoneOffset.UTC));
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value instanceof OffsetDateTime time) {
                value = time.toInstant();
            }
            if (value instanceof Instant instant) {
                setTime(ps, i + 1, instant);
            } else if (value instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }

    /** A time column as an instant, whichever way the store keeps it. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

}
