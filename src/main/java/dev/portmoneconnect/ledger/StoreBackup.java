package dev.portmoneconnect.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A consistent copy of the embedded store, taken while the app runs: SQLite writes the database as
 * it stood at one moment into a new file ({@code VACUUM INTO}), while writers go on. To restore,
 * stop the app and put the copy in the store's place (see the README).
 */
@ApplicationScoped
public class StoreBackup {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    @ConfigProperty(name = "connect.store.backup-folder", defaultValue = "data/backups")
    Path folder;

    /** @return the copy that was written */
    public Backup backUp() {
        if (jdbc.store() != Store.SQLITE) {
            throw new UnsupportedStoreException("The app's store is " + jdbc.store() + ": back it up with its own"
                    + " tools (pg_dump for PostgreSQL)");
        }
        long began = System.nanoTime();
        Path file = folder.toAbsolutePath().resolve("portmone-connect-" + NAME.format(clock.instant()) + ".db");
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + file, e);
        }
        jdbc.inConnection(c -> {
            try (var s = c.prepareStatement("VACUUM INTO ?")) {
                s.setString(1, file.toString());
                s.execute();
            }
            return null;
        });
        try {
            return new Backup(file.toString(), Files.size(file), (System.nanoTime() - began) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the store: where it is, its size, and how long it took. */
    public record Backup(String file, long bytes, long millis) {
    }

    /** The store is not the embedded one: its own tools back it up. */
    public static class UnsupportedStoreException extends RuntimeException {
        public UnsupportedStoreException(String message) {
            super(message);
        }
    }
}
