package dev.portmoneconnect.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteNativeLibraryTest {

    @TempDir
    Path nativeFolder;

    @Test
    void theLibraryIsCopiedOnceForItsVersionAndOtherVersionsGo() throws Exception {
        Path old = nativeFolder.resolve("sqlite-jdbc-3.0.0.0").resolve("Linux").resolve("x86_64");
        Files.createDirectories(old);
        Files.writeString(old.resolve("libsqlitejdbc.so"), "an earlier version's library");

        Path library = SqliteNativeLibrary.copyInto(nativeFolder).orElseThrow();

        assertThat(library).startsWith(nativeFolder.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion()));
        assertThat(library.getFileName()).hasToString(LibraryLoaderUtil.getNativeLibName());
        try (InputStream jar = SQLiteJDBCLoader.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            assertThat(Files.readAllBytes(library)).isEqualTo(jar.readAllBytes());
        }
        assertThat(nativeFolder.resolve("sqlite-jdbc-3.0.0.0")).doesNotExist();

        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(library, written);
        assertThat(SqliteNativeLibrary.copyInto(nativeFolder)).contains(library);
        assertThat(Files.getLastModifiedTime(library)).as("the copy is reused, not written again").isEqualTo(written);
        try (Stream<Path> files = Files.list(library.getParent())) {
            assertThat(files).containsExactly(library);
        }
    }
}
