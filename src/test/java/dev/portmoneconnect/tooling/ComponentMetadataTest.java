package dev.portmoneconnect.tooling;

import dev.portmoneconnect.connection.ConnectionEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.impl.DefaultRuntimeCamelCatalog;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The components ship Camel's component metadata, found the way Camel and its tooling find it
 * ({@code META-INF/services/org/apache/camel/component/<scheme>} naming the component class, the JSON
 * beside its package under {@code META-INF/}): every component is there, every option has a
 * description, every option the README and the guides document is in it, and the shipped route
 * files validate against it.
 */
class ComponentMetadataTest {

    private static final Set<String> NAMED_IN_THE_README =
            Set.of("connection", "inbox", "sheet", "mapping", "ledger", "portmone", "delivery");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern SCHEME_MENTION = Pattern.compile("`([a-z][a-z0-9-]*):[^`]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s.*");

    private static CamelContext context;
    private static DefaultRuntimeCamelCatalog catalog;
    private static Set<String> schemes;

    @BeforeAll
    static void catalog() throws IOException, URISyntaxException {
        context = new DefaultCamelContext();
        catalog = new DefaultRuntimeCamelCatalog();
        catalog.setCamelContext(context);
        schemes = endpointSchemesOfTheApplication();
    }

    @AfterAll
    static void close() throws Exception {
        context.close();
    }

    @Test
    void everyComponentShipsItsMetadataAndEveryOptionIsDescribed() {
        assertThat(schemes).containsAll(NAMED_IN_THE_README);
        for (String scheme : schemes) {
            JsonObject json = metadata(scheme);
            assertThat(json.getMap("component").get("scheme")).as(scheme).isEqualTo(scheme);
            assertThat(json.getMap("component").get("description")).as(scheme + " description").asString().isNotBlank();
            Map<String, Object> properties = json.getMap("properties");
            assertThat(properties).as(scheme + " options").isNotEmpty();
            properties.forEach((name, option) -> assertThat(((Map<?, ?>) option).get("description"))
                    .as(scheme + " option " + name).asString().isNotBlank());
        }
    }

    @Test
    void everyOptionTheReadmeAndTheGuidesDocumentIsInTheMetadata() throws IOException {
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();

        for (DocumentedRow row : vocabularyTable()) {
            documented.computeIfAbsent(row.scheme(), s -> new TreeSet<>()).addAll(row.options());
            if (row.pathValue() != null && !pathValues(row.scheme()).contains(row.pathValue())) {
                missing.add("README.md: " + row.scheme() + ":" + row.pathValue() + " is not a value of the path");
            }
        }
        assertThat(documented.keySet()).as("components in the README's vocabulary").containsAll(NAMED_IN_THE_README);

        Set<String> guideTables = new TreeSet<>();
        try (Stream<Path> guides = Files.list(Path.of("docs"))) {
            for (Path guide : guides.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                for (DocumentedRow row : optionTables(guide)) {
                    guideTables.add(guide.getFileName() + " " + row.scheme());
                    documented.computeIfAbsent(row.scheme(), s -> new TreeSet<>()).addAll(row.options());
                }
            }
        }
        assertThat(guideTables).as("option tables found in the guides")
                .contains("google-sheets.md sheet", "schedules.md connection");

        documented.forEach((scheme, options) -> {
            Map<String, Object> properties = metadata(scheme).getMap("properties");
            Set<String> known = properties.keySet();
            options.stream().filter(option -> !known.contains(option))
                    .forEach(option -> missing.add(scheme + ": " + option));
        });
        assertThat(missing).as("documented options missing from the components' metadata").isEmpty();
        assertThat(documented.get("sheet")).contains("spreadsheetId", "dateColumns", "sentAtColumn", "timeZone");
        assertThat(documented.get("connection")).contains("every", "afterOutcome", "misfire");
    }

    @Test
    void theShippedRouteFilesValidateAgainstTheMetadata() throws IOException, URISyntaxException {
        List<String> invalid = new ArrayList<>();
        int validated = 0;
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList()) {
                List<Map<String, String>> endpoints = new ArrayList<>();
                for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
                    collectEndpoints(document, endpoints);
                }
                for (Map<String, String> endpoint : endpoints) {
                    String uri = endpoint.remove("uri");
                    String scheme = uri.substring(0, uri.indexOf(':'));
                    if (!schemes.contains(scheme)) {
                        continue;
                    }
                    Map<String, String> properties = new LinkedHashMap<>(catalog.endpointProperties(uri));
                    properties.putAll(endpoint);
                    EndpointValidationResult result = catalog.validateProperties(scheme, properties);
                    validated++;
                    if (!result.isSuccess()) {
                        invalid.add(file.getFileName() + ": " + uri + " " + result.summaryErrorMessage(false));
                    }
                }
            }
        }
        assertThat(validated).as("endpoints of our components in routes/").isGreaterThan(10);
        assertThat(invalid).isEmpty();
    }

    @Test
    void aRouteWithAnUnknownOptionFailsValidation() {
        EndpointValidationResult result = catalog.validateProperties("connection",
                Map.of("id", "orders", "evry", "15m"));
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getUnknown()).containsExactly("evry");
        assertThat(catalog.validateProperties("delivery", Map.of("channel", "fax")).isSuccess()).isFalse();
    }

    private static JsonObject metadata(String scheme) {
        String json = catalog.componentJSonSchema(scheme);
        assertThat(json).as("metadata of " + scheme + ":").isNotNull();
        try {
            return (JsonObject) Jsoner.deserialize(json);
        } catch (Exception e) {
            throw new AssertionError("metadata of " + scheme + ": is not JSON", e);
        }
    }

    private static Set<String> pathValues(String scheme) {
        Set<String> values = new LinkedHashSet<>();
        Map<String, Object> properties = metadata(scheme).getMap("properties");
        properties.values().stream().map(option -> (Map<?, ?>) option)
                .filter(option -> "path".equals(option.get("kind")) && option.get("enum") != null)
                .forEach(option -> ((List<?>) option.get("enum")).forEach(value -> values.add(value.toString())));
        return values;
    }

    /** The schemes of every {@code @UriEndpoint} among the application's classes. */
    private static Set<String> endpointSchemesOfTheApplication() throws IOException, URISyntaxException {
        Path classes = Path.of(ConnectionEndpoint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
        Index index = indexer.complete();
        Set<String> found = new TreeSet<>();
        for (AnnotationInstance endpoint : index.getAnnotations(DotName.createSimple("org.apache.camel.spi.UriEndpoint"))) {
            found.add(endpoint.value("scheme").asString());
        }
        return found;
    }

    private record DocumentedRow(String scheme, String pathValue, Set<String> options) {
    }

    /** The README's vocabulary: {@code | `scheme:path` | what it does | `option`, `option` (default) |}. */
    private static List<DocumentedRow> vocabularyTable() throws IOException {
        List<DocumentedRow> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("| endpoint |")) {
                inTable = true;
                continue;
            }
            if (!inTable || line.startsWith("|---")) {
                continue;
            }
            if (!line.startsWith("|")) {
                break;
            }
            List<String> cells = cells(line);
            Matcher endpoint = CODE.matcher(cells.get(0));
            assertThat(endpoint.find()).as("endpoint in " + line).isTrue();
            String[] uri = endpoint.group(1).split(":", 2);
            String path = uri[1].startsWith("<") ? null : uri[1];
            rows.add(new DocumentedRow(uri[0], path, codeWords(cells.get(2))));
        }
        return rows;
    }

    /**
     * Tables whose first column is {@code option}, each for the component named in backticks
     * ({@code `sheet:`}, {@code `connection:<id>`}) by the nearest heading above it or, if the heading
     * names none of ours, the last one the text under that heading names.
     */
    private static List<DocumentedRow> optionTables(Path guide) throws IOException {
        List<DocumentedRow> rows = new ArrayList<>();
        String headingScheme = null;
        String textScheme = null;
        String tableScheme = null;
        boolean inFence = false;
        for (String line : Files.readAllLines(guide)) {
            if (line.stripLeading().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            if (HEADING.matcher(line).matches()) {
                headingScheme = lastOurScheme(line);
                textScheme = null;
                tableScheme = null;
                continue;
            }
            if (line.startsWith("|")) {
                List<String> cells = cells(line);
                if (cells.get(0).equalsIgnoreCase("option")) {
                    tableScheme = headingScheme != null ? headingScheme : textScheme;
                } else if (tableScheme != null && !line.startsWith("|---")) {
                    rows.add(new DocumentedRow(tableScheme, null, codeWords(cells.get(0))));
                }
                continue;
            }
            tableScheme = null;
            String mentioned = lastOurScheme(line);
            if (mentioned != null) {
                textScheme = mentioned;
            }
        }
        return rows;
    }

    private static String lastOurScheme(String line) {
        String last = null;
        Matcher matcher = SCHEME_MENTION.matcher(line);
        while (matcher.find()) {
            if (schemes.contains(matcher.group(1))) {
                last = matcher.group(1);
            }
        }
        return last;
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|")) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static Set<String> codeWords(String cell) {
        Set<String> words = new LinkedHashSet<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            words.add(matcher.group(1));
        }
        return words;
    }

    /** Every endpoint of a YAML route: {@code uri} with its {@code parameters}, or a plain {@code to: scheme:...}. */
    @SuppressWarnings("unchecked")
    private static void collectEndpoints(Object node, List<Map<String, String>> endpoints) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("uri") instanceof String uri) {
                Map<String, String> endpoint = new LinkedHashMap<>();
                if (map.get("parameters") instanceof Map<?, ?> parameters) {
                    parameters.forEach((name, value) -> endpoint.put(name.toString(), String.valueOf(value)));
                }
                endpoint.put("uri", uri);
                endpoints.add(endpoint);
            }
            for (Map.Entry<Object, Object> entry : ((Map<Object, Object>) map).entrySet()) {
                if (Set.of("to", "toD", "from", "wireTap", "enrich", "pollEnrich").contains(entry.getKey())
                        && entry.getValue() instanceof String uri) {
                    Map<String, String> endpoint = new LinkedHashMap<>();
                    endpoint.put("uri", uri);
                    endpoints.add(endpoint);
                } else {
                    collectEndpoints(entry.getValue(), endpoints);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectEndpoints(item, endpoints));
        }
    }
}
