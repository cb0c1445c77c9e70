package dev.portmoneconnect.ops;

import dev.portmoneconnect.support.AppProcess;
import dev.portmoneconnect.support.FreePort;
import dev.portmoneconnect.support.ShippedAppFakes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start users get: in an operator's folder, {@code bin/write-class-archive.sh} writes the
 * class-data archive from a training start, and the shipped start command then takes the app's
 * classes from it rather than from the jars. That needs the JVM's own class path, which
 * {@code quarkus-run.jar} names, Quarkus's transformed classes ahead of the originals.
 */
class ClassArchiveIT {

    private static final Path APP = Path.of("target", "quarkus-app");

    @Test
    void quarkusRunJarNamesEveryJarOnTheClassPathTransformedClassesFirst() throws IOException {
        Manifest manifest;
        try (JarFile jar = new JarFile(APP.resolve("quarkus-run.jar").toFile())) {
            manifest = jar.getManifest();
        }
        assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo("io.quarkus.runner.GeneratedMain");
        List<String> classPath = Arrays.asList(manifest.getMainAttributes().getValue("Class-Path").trim().split(" +"));
        for (String entry : classPath) {
            assertThat(APP.resolve(entry)).as("class path entry " + entry).isRegularFile();
        }
        List<String> jars = new ArrayList<>();
        for (String folder : List.of("app", "lib/boot", "lib/main")) {
            try (var files = Files.list(APP.resolve(folder))) {
                files.forEach(jar -> jars.add(folder + "/" + jar.getFileName()));
            }
        }
        assertThat(classPath).containsAll(jars);
        assertThat(classPath.get(0)).isEqualTo("quarkus/transformed-bytecode.jar");
    }

    @Test
    void theShippedStartCommandTakesTheAppsClassesFromTheArchiveTheScriptWrote() throws Exception {
        Path folder = AppProcess.operatorFolder(Path.of("target", "archive-" + UUID.randomUUID())).toAbsolutePath();
        try (ShippedAppFakes fakes = ShippedAppFakes.start()) {
            writeArchive(folder, fakes.settings());
            assertThat(folder.resolve("portmone-connect.jsa")).isRegularFile();

            List<String> options = new ArrayList<>(shippedJvmOptions());
            options.add("-Xlog:class+load=info:file=classes.log");
            try (AppProcess app = AppProcess.start("archive", options, fakes.settings(), folder, folder)) {
                app.awaitReady(Duration.ofSeconds(120));
            }
        }

        List<String> loaded = Files.readAllLines(folder.resolve("classes.log")).stream()
                .filter(line -> line.contains(" source: ")).toList();
        List<String> fromArchive = loaded.stream().filter(line -> line.contains("source: shared objects file"))
                .toList();
        assertThat(fromArchive).as("classes of the app taken from the archive")
                .anyMatch(line -> line.contains(" dev.portmoneconnect.connection.RouteFiles source:"))
                .anyMatch(line -> line.contains(" org.apache.camel.impl.DefaultCamelContext source:"));
        assertThat(fromArchive.size()).as("classes from the archive, of %d loaded by ready", loaded.size())
                .isGreaterThan(loaded.size() * 9 / 10);
    }

    /** Runs bin/write-class-archive.sh in the operator's folder, as its guide says, with the fakes' settings. */
    private static void writeArchive(Path folder, Map<String, String> settings) throws Exception {
        List<String> training = new ArrayList<>(List.of("bash", Path.of("bin/write-class-archive.sh").toAbsolutePath()
                .toString(), "-Dquarkus.http.port=" + FreePort.any()));
        settings.forEach((key, value) -> training.add("-D" + key + "=" + value));
        ProcessBuilder script = new ProcessBuilder(training).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("training.out").toFile());
        script.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        script.environment().put("JAR", APP.resolve("quarkus-run.jar").toAbsolutePath().toString());
        Process written = script.start();
        assertThat(written.waitFor(180, TimeUnit.SECONDS)).as("training start finished").isTrue();
        assertThat(written.exitValue()).as("bin/write-class-archive.sh, see " + folder.resolve("training.out"))
                .isZero();
    }

    private static List<String> shippedJvmOptions() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return List.of(properties.getProperty("quarkus.kubernetes.env.vars.jdk-java-options").trim().split(" +"));
    }
}
