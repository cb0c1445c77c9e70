package dev.portmoneconnect.ledger;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells, without Flyway, whether a store already holds exactly the migrations the app carries:
 * Flyway reads and checksums every migration file on every start to validate the history, which a
 * restart on a current schema does not need. Anything this cannot read with certainty (a failed or
 * missing history, a migration file of another kind, resources it cannot list) counts as not
 * current, and Flyway then migrates and validates as always.
 */
final class AppliedMigrations {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    private AppliedMigrations() {
    }

    /** Whether the versions applied successfully are the versions found, with no failed migration. */
    static boolean areCurrent(Connection connection, ClassLoader loader, String... locations) {
        Optional<Set<String>> found = found(loader, locations);
        if (found.isEmpty() || found.get().isEmpty()) {
            return false;
        }
        Optional<Set<String>> applied = applied(connection);
        return applied.isPresent() && applied.get().equals(found.get());
    }

    /**
     * The versions of the migration files in the given {@code classpath:} locations, or empty when
     * a location cannot be listed, a file is not a versioned migration, or two files share a version.
     */
    static Optional<Set<String>> found(ClassLoader loader, String... locations) {
        List<String> names = new ArrayList<>();
        for (String location : locations) {
            if (!location.startsWith("classpath:")) {
                return Optional.empty();
            }
            String folder = location.substring("classpath:".length());
            try {
                for (URL url : Collections.list(loader.getResources(folder))) {
                    Optional<List<String>> listed = list(url, folder);
                    if (listed.isEmpty()) {
                        return Optional.empty();
                    }
                    names.addAll(listed.get());
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                return Optional.empty();
            }
        }
        Set<String> versions = new HashSet<>();
        for (String name : names) {
            Matcher versioned = VERSIONED.matcher(name);
            if (!versioned.matches() || !versions.add(normalized(versioned.group(1).replace('_', '.')))) {
                return Optional.empty();
            }
        }
        return Optional.of(versions);
    }

    /** The versions Flyway's history holds as applied, or empty when it has none or a migration failed. */
    static Optional<Set<String>> applied(Connection connection) {
        Set<String> versions = new HashSet<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, type, success FROM flyway_schema_history")) {
            while (rs.next()) {
                String version = rs.getString("version");
                if (!rs.getBoolean("success") || version == null || !rs.getString("type").equals("SQL")
                        || !versions.add(normalized(version))) {
                    return Optional.empty();
                }
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        return Optional.of(versions);
    }

    /** "1.10" and "01.10.0" are the same version to Flyway. */
    static String normalized(String version) {
        List<String> parts = new ArrayList<>();
        for (String part : version.split("\\.")) {
            parts.add(part.replaceFirst("^0+(?=.)", ""));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).equals("0")) {
            parts.remove(parts.size() - 1);
        }
        return String.join(".", parts);
    }

    /** The file names directly in a folder given as a {@code file:} or {@code jar:} URL. */
    private static Optional<List<String>> list(URL url, String folder) throws IOException, URISyntaxException {
        switch (url.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    return Optional.of(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList());
                }
            }
            case "jar" -> {
                String spec = url.getPath();
                int separator = spec.indexOf("!/");
                if (separator < 0 || !spec.startsWith("file:")) {
                    return Optional.empty();
                }
                String prefix = folder.endsWith("/") ? folder : folder + "/";
                try (JarFile jar = new JarFile(Path.of(new URI(spec.substring(0, separator))).toFile())) {
                    return Optional.of(jar.stream().map(entry -> entry.getName())
                            .filter(name -> name.startsWith(prefix) && !name.endsWith("/")
                                    && name.indexOf('/', prefix.length()) < 0)
                            .map(name -> name.substring(prefix.length())).toList());
                }
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
