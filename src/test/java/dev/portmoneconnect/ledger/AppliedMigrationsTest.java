package dev.portmoneconnect.ledger;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** A restart skips Flyway only on a store that holds exactly the migrations the app carries. */
class AppliedMigrationsTest {

    private static final String[] LOCATIONS = LedgerMigrations.locations(Store.SQLITE);

    @Test
    void aStoreMigratedByFlywayIsCurrentAndOneWithAMigrationPendingOrFailedIsNot() throws Exception {
        Path folder = Files.createDirectories(Path.of("target/applied-migrations"));
        SQLiteDataSource store = new SQLiteDataSource();
        store.setUrl("jdbc:sqlite:" + Files.createTempFile(folder, "store", ".db"));
        ClassLoader loader = getClass().getClassLoader();
        try (Connection db = store.getConnection()) {
            assertThat(AppliedMigrations.areCurrent(db, loader, LOCATIONS)).as("no history yet").isFalse();

            Flyway.configure().dataSource(store).locations(LOCATIONS).load().migrate();
            assertThat(AppliedMigrations.areCurrent(db, loader, LOCATIONS)).isTrue();

            try (Statement s = db.createStatement()) {
                s.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '40'");
                assertThat(AppliedMigrations.areCurrent(db, loader, LOCATIONS)).as("a failed migration").isFalse();
                s.execute("DELETE FROM flyway_schema_history WHERE version = '40'");
                assertThat(AppliedMigrations.areCurrent(db, loader, LOCATIONS)).as("a pending migration").isFalse();
                s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                        + " checksum, installed_by, installed_on, execution_time, success) SELECT 99, '40', 'x', 'SQL',"
                        + " 'V40__x.sql', 0, 'x', installed_on, 0, 1 FROM flyway_schema_history WHERE version = '1'");
                assertThat(AppliedMigrations.areCurrent(db, loader, LOCATIONS)).isTrue();
                s.execute("UPDATE flyway_schema_history SET version = '99' WHERE version = '40'");
                assertThat(AppliedMigrations.areCurrent(db, loader, LOCATIONS)).as("a newer version's store").isFalse();
            }
        }
    }

    @Test
    void theMigrationsFoundAreTheVersionedFilesOfEveryLocation() {
        assertThat(AppliedMigrations.found(getClass().getClassLoader(), LOCATIONS).orElseThrow())
                .contains("1", "13", "40").doesNotContain("3");
        assertThat(AppliedMigrations.found(getClass().getClassLoader(), "filesystem:db")).isEmpty();
    }

    @Test
    void versionsCompareAsFlywayComparesThem() {
        assertThat(AppliedMigrations.normalized("01.10.0")).isEqualTo("1.10");
        assertThat(AppliedMigrations.normalized("0")).isEqualTo("0");
        assertThat(AppliedMigrations.normalized("40")).isEqualTo("40");
    }
}
