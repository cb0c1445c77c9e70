package dev.portmoneconnect.ledger;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Brings the database schema up to date before Camel configures its routes: the ledger, the inbox
 * and Quartz's job store must exist before the first trigger can fire. Migrations in
 * {@code db/migration} run on every database; {@code db/vendor/<database>} holds what differs
 * between them (Quartz's tables).
 */
@ApplicationScoped
public class LedgerMigrations {

    @Inject
    DataSource dataSource;

    void beforeCamel(@Observes BeforeConfigure event) {
        migrate();
    }

    public void migrate() {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(locations(vendor(dataSource)))
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            Log.infof("Database schema migrated to version %s (%d migrations)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
    }

    /** Where the migrations of a database are: {@code h2} or {@code postgresql}. */
    public static String[] locations(String vendor) {
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + vendor};
    }

    /** The database's name as the vendor folders spell it: {@code h2}, {@code postgresql}. */
    static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new LedgerException("the database cannot be opened: " + e.getMessage() + " (the PostgreSQL build"
                    + " reads QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD)", e);
        }
    }
}
