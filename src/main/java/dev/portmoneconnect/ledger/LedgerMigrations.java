package dev.portmoneconnect.ledger;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.quarkus.main.events.BeforeConfigure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Brings the database schema up to date before Camel configures its routes: the ledger, the inbox
 * and Quartz's job store must exist before the first trigger can fire. Migrations in
 * {@code db/migration} run on every store; {@code db/vendor/<store>} holds what differs between
 * them (generated ids, Quartz's tables). A new SQLite store gets its file's folder and gives
 * deleted pages back to the file system; an earlier version's H2 database is moved into it. SQLite's
 * native library is loaded from beside the store ({@link SqliteNativeLibrary}).
 */
@ApplicationScoped
public class LedgerMigrations {

    @Inject
    DataSource dataSource;

    @Inject
    H2Import h2Import;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> url;

    void beforeCamel(@Observes BeforeConfigure event) {
        migrate();
    }

    public void migrate() {
        url.ifPresent(StoreFile::prepareFolder);
        url.flatMap(StoreFile::of).ifPresent(SqliteNativeLibrary::useCopyBeside);
        Store store = store(dataSource);
        if (store == Store.SQLITE) {
            reclaimFreedPagesIfNew();
        }
        if (isCurrent(store)) {
            Log.debug("Database schema is current: no migration to run");
        } else {
            runFlyway(store);
        }
        if (store == Store.SQLITE) {
            h2Import.importIfPresent();
        }
    }

    /**
     * A restart on a current schema skips Flyway, whose validation reads and checksums every
     * migration on every start. Whenever the store holds anything but exactly the migrations found
     * (one is pending, failed, or unknown to this version), Flyway migrates and validates.
     */
    private boolean isCurrent(Store store) {
        try (Connection c = dataSource.getConnection()) {
            return AppliedMigrations.areCurrent(c, LedgerMigrations.class.getClassLoader(), locations(store));
        } catch (SQLException e) {
            return false;
        }
    }

    private void runFlyway(Store store) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(locations(store))
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            Log.infof("Database schema migrated to version %s (%d migrations)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
    }

    /** Where the migrations of a store are: the shared ones and the store's own. */
    public static String[] locations(Store store) {
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + store.migrationFolder()};
    }

    /**
     * Auto-vacuum can only be chosen before the first table exists: with it, every commit that frees
     * pages (retention's deletes) gives them back to the file system. The connection has already put
     * the new file in write-ahead-log mode, which writes its header, so the choice takes effect only
     * through a VACUUM (instant on an empty file).
     */
    private void reclaimFreedPagesIfNew() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet tables = s.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
                tables.next();
                if (tables.getInt(1) == 0) {
                    s.execute("PRAGMA auto_vacuum = FULL");
                    s.execute("VACUUM");
                }
            }
        } catch (SQLException e) {
            throw new LedgerException("the SQLite store cannot be opened: " + e.getMessage(), e);
        }
    }

    static Store store(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Store.of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new LedgerException("the database cannot be opened: " + e.getMessage() + " (the PostgreSQL build"
                    + " reads QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD)", e);
        }
    }
}
