package dev.portmoneconnect.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM settings the app is run with are written once, in {@code application.properties}: the
 * Kubernetes manifest the build writes carries them, and the start commands in the guides say the same.
 * They name the class-data archive that {@code bin/write-class-archive.sh} writes, and the guides say how.
 */
class JvmSettingsIT {

    @Test
    void theManifestAndTheGuidesRunTheAppWithTheSettingsOfApplicationProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        String options = properties.getProperty("quarkus.kubernetes.env.vars.jdk-java-options");
        String arenas = properties.getProperty("quarkus.kubernetes.env.vars.malloc-arena-max");
        assertThat(options).contains("-Xmx").contains("-XX:+UseSerialGC").contains("-XX:SharedArchiveFile=");
        assertThat(Path.of("bin/write-class-archive.sh")).as("the script that writes the archive").isExecutable();
        assertThat(arenas).isNotBlank();
        assertThat(properties.getProperty("quarkus.test.arg-line"))
                .isEqualTo("${quarkus.kubernetes.env.vars.jdk-java-options}");

        String manifest = oneLine(Files.readString(Path.of("target/kubernetes/kubernetes.yml")));
        assertThat(manifest).contains("- name: JDK_JAVA_OPTIONS value: " + options + " ")
                .contains("- name: MALLOC_ARENA_MAX value: \"" + arenas + "\"");

        String command = "MALLOC_ARENA_MAX=" + arenas + " java " + options + " -jar target/quarkus-app/quarkus-run.jar";
        for (String guide : new String[] {"docs/configuration.md", "docs/performance.md"}) {
            String text = oneLine(Files.readString(Path.of(guide)).replace("\\\n", " "));
            assertThat(text.split(java.util.regex.Pattern.quote(command), -1)).as("start command in " + guide).hasSize(2);
            assertThat(text).as("how " + guide + " says to write the archive").contains("bin/write-class-archive.sh");
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
