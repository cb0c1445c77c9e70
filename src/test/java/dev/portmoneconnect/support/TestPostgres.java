package dev.portmoneconnect.support;

import dev.portmoneconnect.ledger.LedgerMigrations;
import dev.portmoneconnect.ledger.Store;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The local PostgreSQL server of the tests tagged {@code postgres} ({@code .ci/run} starts it and
 * creates the role and database). Each test class works in a schema of its own, created afresh.
 * {@code TEST_POSTGRES_URL}, {@code TEST_POSTGRES_USER} and {@code TEST_POSTGRES_PASSWORD} point
 * the tests elsewhere.
 */
public final class TestPostgres {

    public static final String URL = env("TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/portmone_connect_test");
    public static final String USER = env("TEST_POSTGRES_USER", "portmone_connect");
    public static final String PASSWORD = env("TEST_POSTGRES_PASSWORD", "portmone_connect");

    private TestPostgres() {
    }

    /** Drops and creates the schema, then migrates it as the application would. */
    public static void freshSchema(String schema) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + URL + " is needed by this test: start it with"
                    + " pg_ctlcluster 15 main start (see .ci/run)", e);
        }
        Flyway.configure().dataSource(url(schema), USER, PASSWORD)
                .locations(LedgerMigrations.locations(Store.POSTGRESQL)).load().migrate();
    }

    /** The JDBC URL that works in the schema. */
    public static String url(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A connection pool of its own, as one application instance would have. */
    public static AgroalDataSource pool(String schema, int size) {
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.maxSize(size)
                            .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url(schema))
                                    .principal(new NamePrincipal(USER)).credential(new SimplePassword(PASSWORD)))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(url(schema), USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
