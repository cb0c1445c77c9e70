package dev.portmoneconnect.ledger;

import dev.portmoneconnect.support.AppProcess;
import dev.portmoneconnect.support.ShippedAppFakes;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged app on its shipped defaults loads SQLite's native library from beside its store: a
 * start writes nothing into the temp folder, so a killed process leaves nothing behind there, and a
 * restart reuses the copy.
 */
class SqliteNativeLibraryIT {

    @Test
    void theStoreKeepsItsNativeLibraryAndTheTempFolderStaysClean() throws Exception {
        Path folder = AppProcess.operatorFolder(Path.of("target", "native-" + UUID.randomUUID()));
        Path temp = Files.createDirectories(folder.resolve("tmp"));
        try (ShippedAppFakes fakes = ShippedAppFakes.start()) {
            Map<String, String> settings = new HashMap<>(fakes.settings());
            settings.put("java.io.tmpdir", temp.toAbsolutePath().toString());

            List<Path> libraries;
            FileTime written = FileTime.fromMillis(1_000_000_000_000L);
            try (AppProcess first = start(settings, folder)) {
                libraries = libraries(folder.resolve("data").resolve("native"));
                assertThat(libraries).hasSize(1);
                assertThat(sqliteFilesIn(temp)).isEmpty();
                Files.setLastModifiedTime(libraries.get(0), written);
                first.kill();
            }

            try (AppProcess second = start(settings, folder)) {
                assertThat(libraries(folder.resolve("data").resolve("native"))).isEqualTo(libraries);
                assertThat(Files.getLastModifiedTime(libraries.get(0))).as("reused, not written again").isEqualTo(written);
                assertThat(sqliteFilesIn(temp)).isEmpty();
            }
        }
    }

    private static AppProcess start(Map<String, String> settings, Path folder) throws Exception {
        AppProcess app = AppProcess.start("native-library", settings, folder, folder);
        app.awaitReady(Duration.ofSeconds(120));
        return app;
    }

    private static List<Path> libraries(Path nativeFolder) throws Exception {
        try (Stream<Path> files = Files.walk(nativeFolder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<Path> sqliteFilesIn(Path temp) throws Exception {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("sqlite-")).toList();
        }
    }
}
