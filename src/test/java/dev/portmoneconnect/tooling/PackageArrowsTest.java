package dev.portmoneconnect.tooling;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arrows between packages point down: what every step shares (headers, the invoice, failure
 * kinds, masking, order numbers) is in {@code flow}, which depends on no other package of the app;
 * the ledger, the store under every step, depends on {@code flow} and on no step, so a new step
 * needs no change in the ledger.
 */
class PackageArrowsTest {

    static final Path SOURCES = Path.of("src/main/java/dev/portmoneconnect");
    static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.portmoneconnect\\.(\\w+)\\.", Pattern.MULTILINE);
    static final Set<String> STEPS = Set.of("mapping", "portmone", "delivery", "source", "payments", "preview",
            "connection", "schedule", "api", "dashboard", "security", "reasons");

    @Test
    void theLedgerImportsNoStep() throws IOException {
        assertThat(importsOf("ledger")).as("packages the ledger imports").doesNotContainAnyElementsOf(STEPS);
    }

    @Test
    void whatTheStepsShareImportsNothingOfTheApp() throws IOException {
        assertThat(importsOf("flow")).as("packages flow imports").isEmpty();
    }

    private static List<String> importsOf(String pkg) throws IOException {
        List<String> packages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    if (!imports.group(1).equals(pkg)) {
                        packages.add(imports.group(1) + " (in " + file.getFileName() + ")");
                    }
                }
            }
        }
        return packages.stream().map(p -> p.substring(0, p.indexOf(' '))).toList();
    }
}
