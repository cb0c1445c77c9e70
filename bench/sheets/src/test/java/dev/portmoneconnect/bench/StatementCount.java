package dev.portmoneconnect.bench;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Counts the statements the app executes, by SQL text: the app's {@link DataSource} is replaced, in
 * the benchmark only, by one that hands out the Agroal pool's connections wrapped. Every execution
 * counts once, each item of a JDBC batch counts once, and so does every commit, whether a
 * {@code COMMIT} statement or {@link Connection#commit()}.
 */
@Singleton
public class StatementCount {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    DataSource counting(AgroalDataSource pool) {
        return new CountingDataSource(pool);
    }

    public void reset() {
        counts.clear();
    }

    /** Statements executed since the last reset, by text. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new LinkedHashMap<>();
        counts.forEach((sql, n) -> copy.put(sql, n.sum()));
        return copy;
    }

    void count(String sql) {
        counts.computeIfAbsent(sql.strip(), s -> new LongAdder()).increment();
    }

    private final class CountingDataSource implements DataSource {
        private final DataSource pool;

        CountingDataSource(DataSource pool) {
            this.pool = pool;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(pool.getConnection());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return wrap(pool.getConnection(user, password));
        }

        private Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        Object result = call(connection, method, args);
                        switch (method.getName()) {
                            case "prepareStatement", "prepareCall" -> {
                                Class<?> type = method.getName().equals("prepareCall") ? CallableStatement.class
                                        : PreparedStatement.class;
                                return statement(type, (Statement) result, (String) args[0]);
                            }
                            case "createStatement" -> {
                                return statement(Statement.class, (Statement) result, null);
                            }
                            case "commit" -> count("COMMIT");
                            default -> {
                            }
                        }
                        return result;
                    });
        }

        private Object statement(Class<?> type, Statement statement, String prepared) {
            InvocationHandler handler = (proxy, method, args) -> {
                String name = method.getName();
                if (name.equals("addBatch") || name.startsWith("execute") && !name.equals("executeBatch")) {
                    String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : prepared;
                    if (sql != null) {
                        count(sql);
                    }
                }
                return call(statement, method, args);
            };
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return pool.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return pool.isWrapperFor(iface);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
