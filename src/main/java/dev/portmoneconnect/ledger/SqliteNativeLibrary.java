package dev.portmoneconnect.ledger;

import io.quarkus.logging.Log;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * SQLite's native library, kept beside the store. Left to itself, sqlite-jdbc copies the library
 * from its jar into the temp folder under a new name at every start, compares the copy with the
 * jar byte by byte, and leaves it behind when the process is killed (1.1 MB each time). Here the
 * copy is made once per sqlite-jdbc version, in {@code native/sqlite-jdbc-<version>/} next to the
 * store's file (written under a temporary name, then moved into place), and named to sqlite-jdbc
 * with its {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} properties. Properties an
 * operator set are kept; where the folder cannot be written, sqlite-jdbc does as it always did.
 */
final class SqliteNativeLibrary {

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final String FOLDER_PREFIX = "sqlite-jdbc-";

    private SqliteNativeLibrary() {
    }

    /** Points sqlite-jdbc at the copy beside the store's file, making it first if needed. */
    static void useCopyBeside(Path storeFile) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        Path nativeFolder = storeFile.toAbsolutePath().getParent().resolve("native");
        try {
            copyInto(nativeFolder).ifPresent(library -> {
                System.setProperty(PATH_PROPERTY, library.getParent().toString());
                System.setProperty(NAME_PROPERTY, library.getFileName().toString());
            });
        } catch (IOException | RuntimeException e) {
            Log.debugf(e, "SQLite's native library stays in the temp folder: %s cannot be written", nativeFolder);
        }
    }

    /**
     * The library of this platform and sqlite-jdbc version under the folder, copied from the jar
     * unless it is there; copies of other versions are removed. None where the jar has no library
     * for this platform (sqlite-jdbc then says so itself).
     */
    static Optional<Path> copyInto(Path nativeFolder) throws IOException {
        String resourceFolder = LibraryLoaderUtil.getNativeLibResourcePath();
        String name = LibraryLoaderUtil.getNativeLibName();
        String versionFolder = FOLDER_PREFIX + SQLiteJDBCLoader.getVersion();
        Path library = nativeFolder.resolve(versionFolder)
                .resolve(resourceFolder.substring(resourceFolder.lastIndexOf("/native/") + "/native/".length()))
                .resolve(name);
        if (Files.isRegularFile(library)) {
            return Optional.of(library);
        }
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resourceFolder + "/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            Files.createDirectories(library.getParent());
            Path partial = library.resolveSibling(name + "." + UUID.randomUUID() + ".part");
            try {
                Files.copy(in, partial);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        removeOtherVersions(nativeFolder, versionFolder);
        return Optional.of(library);
    }

    private static void removeOtherVersions(Path nativeFolder, String keep) throws IOException {
        try (Stream<Path> versions = Files.list(nativeFolder)) {
            for (Path other : versions.filter(p -> p.getFileName().toString().startsWith(FOLDER_PREFIX))
                    .filter(p -> !p.getFileName().toString().equals(keep)).toList()) {
                try (Stream<Path> files = Files.walk(other)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }
}
