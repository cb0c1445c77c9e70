package dev.portmoneconnect.settings;

import io.smallrye.config.EnvConfigSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The environment variables the JVM could not decode, decoded as UTF-8. The JVM reads the
 * environment in the locale's encoding: under {@code LANG=C}, common in bare containers, that is
 * ASCII, and a Cyrillic login from the environment turns into question marks, which signs every
 * invoice wrongly. On Linux the variables' bytes are in {@code /proc/self/environ}: this source
 * gives the ones holding non-ASCII text, decoded as UTF-8, ahead of the JVM's own environment. Where
 * that is not possible the app refuses to start, naming the encoding and the variables.
 */
public class Utf8Environment extends EnvConfigSource {

    /** Just above the environment (300), below system properties (400). */
    static final int ORDINAL = 301;
    static final char UNDECODABLE = '\uFFFD';

    public Utf8Environment() {
        this(System.getProperty("sun.jnu.encoding", "UTF-8"), Path.of("/proc/self/environ"), System.getenv());
    }

    Utf8Environment(String encoding, Path environ, Map<String, String> decoded) {
        super(repaired(encoding, environ, decoded), ORDINAL);
    }

    /** Named as the environment is: variables that name no setting are then not taken for mistakes. */
    @Override
    public String getName() {
        return NAME + " (decoded as UTF-8)";
    }

    /**
     * @param encoding how the JVM decoded the environment ({@code sun.jnu.encoding})
     * @param environ  the environment's bytes, {@code NAME=value} separated by NUL bytes
     * @param decoded  the environment as the JVM decoded it
     * @throws IllegalStateException naming the encoding when variables could not be decoded and cannot be repaired
     */
    static Map<String, String> repaired(String encoding, Path environ, Map<String, String> decoded) {
        if (isUtf8(encoding)) {
            return Map.of();
        }
        Map<String, String> repaired = new HashMap<>();
        if (Files.isReadable(environ)) {
            try {
                byte[] bytes = Files.readAllBytes(environ);
                int start = 0;
                for (int i = 0; i <= bytes.length; i++) {
                    if (i == bytes.length || bytes[i] == 0) {
                        variable(bytes, start, i, repaired);
                        start = i + 1;
                    }
                }
            } catch (IOException e) {
                repaired.clear();
            }
        }
        TreeSet<String> garbled = new TreeSet<>();
        decoded.forEach((name, value) -> {
            if (value != null && value.indexOf(UNDECODABLE) >= 0 && !repaired.containsKey(name)) {
                garbled.add(name);
            }
        });
        if (!garbled.isEmpty()) {
            throw new IllegalStateException("The JVM reads the environment as " + encoding + " (the locale's"
                    + " encoding), which cannot hold the characters of " + String.join(", ", garbled)
                    + ": start the app with a UTF-8 locale, for example LANG=C.UTF-8");
        }
        return repaired;
    }

    /** Keeps a variable whose value is not plain ASCII and is valid UTF-8. */
    private static void variable(byte[] bytes, int from, int to, Map<String, String> repaired) {
        int equals = -1;
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (equals < 0 && bytes[i] == '=') {
                equals = i;
            } else if (equals >= 0 && bytes[i] < 0) {
                ascii = false;
            }
        }
        if (equals <= from || ascii) {
            return;
        }
        try {
            String name = new String(bytes, from, equals - from, StandardCharsets.US_ASCII);
            String value = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, equals + 1, to - equals - 1)).toString();
            repaired.put(name, value);
        } catch (CharacterCodingException notUtf8) {
            // left as the JVM decoded it; reported if that went wrong
        }
    }

    private static boolean isUtf8(String encoding) {
        try {
            return Charset.forName(encoding).equals(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
