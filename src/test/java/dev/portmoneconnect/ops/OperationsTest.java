package dev.portmoneconnect.ops;

import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** OpenAPI covers every API path, health reports Camel and the database, metrics count per connection. */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(27)
class OperationsTest {

    private static final Map<Class<? extends Annotation>, String> HTTP_METHODS = Map.of(
            GET.class, "get", POST.class, "post", PUT.class, "put", DELETE.class, "delete");

    @Inject
    CamelContext camel;

    FakePortmone portmone;

    @Test
    void openApiDescribesEveryApiOperationAndTheWebhook() throws Exception {
        Set<String> served = new TreeSet<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = httpMethod(method);
                Operation operation = method.getAnnotation(Operation.class);
                if (verb == null || (operation != null && operation.hidden())) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                served.add(verb + " " + join(base, sub == null ? "" : sub.value()));
            }
        }
        for (Route route : camel.getRoutes()) {
            String uri = route.getEndpoint().getEndpointUri();
            if (uri.startsWith("platform-http:")) {
                String path = URLDecoder.decode(uri.substring("platform-http:".length()).replaceFirst("^//", "")
                        .replaceFirst("\\?.*$", ""), StandardCharsets.UTF_8);
                served.add("post " + path);
            }
        }
        assertThat(served).contains("post /api/connections/{id}/preview", "post /api/connections/{id}/test",
                "post /hooks/{connectionId}", "get /api/runs/{runId}");

        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(verb -> documented.add(verb + " " + path)));
        assertThat(documented).containsAll(served);
        assertThat(documented).noneMatch(op -> op.endsWith(" /") || op.contains(" /connections/"));
    }

    @Test
    void healthReportsCamelAndTheDatabaseAndStaysOpen() {
        JsonPath health = given().get("/q/health").then().statusCode(200).extract().jsonPath();
        assertThat(health.getString("status")).isEqualTo("UP");
        List<String> checks = health.getList("checks.name", String.class);
        assertThat(checks).anyMatch(name -> name.toLowerCase().contains("camel"));
        assertThat(checks).anyMatch(name -> name.toLowerCase().contains("database"));
        assertThat(given().get("/q/health/ready").then().statusCode(200).extract().jsonPath()
                .getList("checks.name", String.class)).anyMatch(name -> name.toLowerCase().contains("database"));
    }

    @Test
    void metricsCountEachConnectionsRecordsAndTimeItsCalls() {
        String before = metrics();
        Api.post("test-orders", List.of(
                Api.order("MET-1", "Maria", "maria@example.com", 15),
                Map.of("id", "MET-2", "name", "Mykola", "email", "mykola@example.com", "amount", "minus")));
        Api.run("test-orders");
        String after = metrics();

        assertThat(value(after, "portmone_connect_records_invoiced_total", "test-orders"))
                .isEqualTo(value(before, "portmone_connect_records_invoiced_total", "test-orders") + 1);
        assertThat(value(after, "portmone_connect_records_delivered_total", "test-orders"))
                .isEqualTo(value(before, "portmone_connect_records_delivered_total", "test-orders") + 1);
        assertThat(value(after, "portmone_connect_records_failed_total", "test-orders"))
                .isEqualTo(value(before, "portmone_connect_records_failed_total", "test-orders") + 1);
        assertThat(value(after, "portmone_connect_portmone_call_seconds_count", "test-orders"))
                .isEqualTo(value(before, "portmone_connect_portmone_call_seconds_count", "test-orders") + 1);
        assertThat(value(after, "portmone_connect_delivery_seconds_count", "test-orders", "channel", "email"))
                .isEqualTo(value(before, "portmone_connect_delivery_seconds_count", "test-orders", "channel", "email") + 1);
        assertThat(value(after, "portmone_connect_portmone_call_seconds_sum", "test-orders")).isPositive();

        // every started connection shows its counters, even before its first record
        assertThat(after).containsPattern("portmone_connect_records_invoiced_total\\{[^}]*connection=\"sched-daily\"");
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series, 0 when it is not there yet; labels other than those named may be present. */
    private static double value(String scrape, String name, String connection, String... labels) {
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{") || !line.contains("connection=\"" + connection + "\"")) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                Matcher number = Pattern.compile("}\\s+(\\S+)").matcher(line);
                if (number.find()) {
                    return Double.parseDouble(number.group(1));
                }
            }
        }
        return 0;
    }

    private static List<Class<?>> resourceClasses() throws IOException {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("dev/portmoneconnect"))) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceFirst("\\.class$", ""))
                    .map(OperationsTest::load)
                    .filter(c -> c.isAnnotationPresent(Path.class))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OperationsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String httpMethod(Method method) {
        for (Map.Entry<Class<? extends Annotation>, String> entry : HTTP_METHODS.entrySet()) {
            if (method.isAnnotationPresent(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
