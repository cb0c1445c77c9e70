package dev.portmoneconnect.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Utf8EnvironmentTest {

    static final String LOGIN = "МагазинОлі";
    /** How a JVM under LANG=C decodes the login's bytes: one replacement character per byte. */
    static final String GARBLED = "\uFFFD".repeat(LOGIN.getBytes(StandardCharsets.UTF_8).length);

    @TempDir
    Path dir;

    @Test
    void variablesTheJvmCouldNotDecodeAreReadAsUtf8FromTheirBytes() throws Exception {
        Path environ = environ(bytes("PATH=/usr/bin"), bytes("PORTMONE_SHOP_LOGIN=" + LOGIN), bytes("LANG=C"));
        Map<String, String> repaired = Utf8Environment.repaired("ANSI_X3.4-1968", environ,
                Map.of("PATH", "/usr/bin", "PORTMONE_SHOP_LOGIN", GARBLED, "LANG", "C"));
        assertThat(repaired).containsExactly(Map.entry("PORTMONE_SHOP_LOGIN", LOGIN));
        assertThat(new Utf8Environment("ANSI_X3.4-1968", environ, Map.of("PORTMONE_SHOP_LOGIN", GARBLED))
                .getValue("portmone.shop.login")).isEqualTo(LOGIN);
    }

    @Test
    void underAUtf8LocaleNothingIsRepaired() throws Exception {
        Path environ = environ(bytes("PORTMONE_SHOP_LOGIN=" + LOGIN));
        assertThat(Utf8Environment.repaired("UTF-8", environ, Map.of("PORTMONE_SHOP_LOGIN", LOGIN))).isEmpty();
    }

    @Test
    void whatCannotBeRepairedStopsTheAppNamingTheEncodingAndTheVariable() throws Exception {
        byte[] latin1 = "PORTMONE_SHOP_LOGIN=Ol\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        Path environ = environ(latin1);
        assertThatThrownBy(() -> Utf8Environment.repaired("ANSI_X3.4-1968", environ,
                Map.of("PORTMONE_SHOP_LOGIN", "Ol\uFFFD")))
                .hasMessageContaining("ANSI_X3.4-1968").hasMessageContaining("PORTMONE_SHOP_LOGIN")
                .hasMessageContaining("LANG=C.UTF-8");
        assertThatThrownBy(() -> Utf8Environment.repaired("ANSI_X3.4-1968", dir.resolve("no-proc"),
                Map.of("PORTMONE_SHOP_LOGIN", GARBLED)))
                .hasMessageContaining("ANSI_X3.4-1968").hasMessageContaining("PORTMONE_SHOP_LOGIN")
                .hasMessageNotContaining(LOGIN);
    }

    /** {@code /proc/self/environ}: each variable's bytes followed by a NUL byte. */
    private Path environ(byte[]... variables) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] variable : variables) {
            out.write(variable);
            out.write(0);
        }
        Path environ = dir.resolve("environ");
        Files.write(environ, out.toByteArray());
        return environ;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
