package dev.portmoneconnect.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the embedded SQLite store's file is, as its JDBC URL names it. */
public final class StoreFile {

    private static final String PREFIX = "jdbc:sqlite:";

    private StoreFile() {
    }

    /** The database file of a {@code jdbc:sqlite:} URL; none for other stores and in-memory databases. */
    public static Optional<Path> of(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String name = jdbcUrl.substring(PREFIX.length());
        int query = name.indexOf('?');
        if (query >= 0) {
            name = name.substring(0, query);
        }
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (name.isEmpty() || name.equals(":memory:") || name.startsWith(":resource:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(name));
    }

    /** SQLite creates the file but not its folder: the folder is made before the first connection. */
    public static void prepareFolder(String jdbcUrl) {
        of(jdbcUrl).map(Path::toAbsolutePath).map(Path::getParent).ifPresent(folder -> {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the store's folder " + folder, e);
            }
        });
    }
}
