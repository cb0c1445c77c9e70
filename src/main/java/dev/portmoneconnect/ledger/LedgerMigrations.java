package dev.portmoneconnect.ledger;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * Brings the database schema up to date before Camel configures its routes: the ledger, the inbox
 * and Quartz's job store must exist before the first trigger can fire.
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
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            Log.infof("Database schema migrated to version %s (%d migrations)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
    }
}
