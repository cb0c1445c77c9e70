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
 * Kubernetes manifest the build writes carries them, and the README's start commands say the same.
 */
class JvmSettingsIT {

    @Test
    void theManifestAndTheReadmeRunTheAppWithTheSettingsOfApplicationProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        String options = properties.getProperty("quarkus.kubernetes.env.vars.jdk-java-options");
        String arenas = properties.getProperty("quarkus.kubernetes.env.vars.malloc-arena-max");
        assertThat(options).contains("-Xmx").contains("-XX:+UseSerialGC");
        assertThat(arenas).isNotBlank();
        assertThat(properties.getProperty("quarkus.test.arg-line"))
                .isEqualTo("${quarkus.kubernetes.env.vars.jdk-java-options}");

        String manifest = oneLine(Files.readString(Path.of("target/kubernetes/kubernetes.yml")));
        assertThat(manifest).contains("- name: JDK_JAVA_OPTIONS value: " + options + " ")
                .contains("- name: MALLOC_ARENA_MAX value: \"" + arenas + "\"");

        String command = "MALLOC_ARENA_MAX=" + arenas + " java " + options + " -jar target/quarkus-app/quarkus-run.jar";
        String readme = oneLine(Files.readString(Path.of("README.md")).replace("\\\n", " "));
        assertThat(readme.split(java.util.regex.Pattern.quote(command), -1)).as("start commands in the README").hasSize(3);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
