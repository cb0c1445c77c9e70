package dev.portmoneconnect.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.support.AppProcess;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.ShippedAppFakes;
import dev.portmoneconnect.support.TestSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application with four route files, three of which cannot start: an interval that is
 * not a preset ({@code every: 7m}), an option no component knows, and a file that is not YAML. The
 * application starts, the good connection and every webhook work, the API and the dashboard name
 * each broken file, its option and the reason, and records posted to a broken connection's webhook
 * are kept until the fixed file starts, when its first run delivers them.
 */
class RouteFileIsolationIT {

    static final Path LOGS = Path.of("target", "route-file-isolation");

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    Path routes;
    String database;
    ShippedAppFakes fakes;
    FakePortmone portmone;
    AppProcess app;

    @BeforeEach
    void fakesAndRouteFiles() throws Exception {
        fakes = ShippedAppFakes.start();
        portmone = fakes.portmone;
        Files.createDirectories(LOGS);
        routes = Files.createTempDirectory(LOGS.toAbsolutePath(), "routes");
        database = "jdbc:sqlite:target/it-db/" + UUID.randomUUID() + "/portmone-connect.db";
        Files.writeString(routes.resolve("good-orders.camel.yaml"), connection("good-orders", "every: 15m"));
        Files.writeString(routes.resolve("odd-interval.camel.yaml"), connection("odd-interval", "every: 7m"));
        Files.writeString(routes.resolve("misspelt.camel.yaml"), connection("misspelt", "every: 15m")
                .replace("inbox:misspelt", "inbox:misspelt?batchSise=10"));
        Files.writeString(routes.resolve("unreadable.camel.yaml"), "- route:\n    id: unreadable\n    from: [connection:\n");
        // one file, three routes: the one that can start does
        Files.writeString(routes.resolve("several.camel.yaml"), connection("several-good", "every: 1h")
                + connection("several-maybe", "enabled: maybe")
                + connection("several-no-amount", "every: 1h").replace("amount: ${body[amount]}", "currency: UAH"));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        fakes.close();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aRouteFileThatCannotStartDisablesItsOwnConnectionOnly() throws Exception {
        app = start("isolation");

        // the good connection runs
        assertThat(post("good-orders", "G-1").statusCode()).isEqualTo(202);
        JsonNode run = json.readTree(send("POST", "/api/connections/good-orders/run?wait=true").body());
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("delivered").asInt()).isEqualTo(1);
        assertThat(portmone.orders()).containsKey("good-orders_G-1");

        // each broken one is listed with its file, option and reason
        Map<String, JsonNode> listed = new HashMap<>();
        for (JsonNode connection : json.readTree(send("GET", "/api/connections").body())) {
            String file = connection.path("startFailure").path("file").asText("");
            listed.put(connection.path("id").isNull() ? Path.of(file).getFileName().toString()
                    : connection.path("id").asText(), connection);
        }
        assertThat(listed.get("good-orders").path("startFailure").isNull()).isTrue();
        JsonNode odd = listed.get("odd-interval").path("startFailure");
        assertThat(odd.path("file").asText()).endsWith("odd-interval.camel.yaml");
        assertThat(odd.path("option").asText()).isEqualTo("every");
        assertThat(odd.path("code").asText()).isEqualTo("TRIGGER_EVERY");
        assertThat(odd.path("reason").asText()).contains("every '7m' is not one of 1m, 5m");
        JsonNode misspelt = listed.get("misspelt").path("startFailure");
        assertThat(misspelt.path("option").asText()).isEqualTo("batchSise");
        assertThat(misspelt.path("code").asText()).isEqualTo("UNKNOWN_OPTION");
        assertThat(misspelt.path("reason").asText()).isEqualTo("inbox:misspelt has no option batchSise");
        JsonNode unreadable = listed.get("unreadable.camel.yaml").path("startFailure");
        assertThat(unreadable.path("code").asText()).isEqualTo("ROUTE_FILE_UNREADABLE");
        assertThat(unreadable.path("reason").asText()).startsWith("the file cannot be read as Camel YAML: ")
                .contains("line ");
        assertThat(listed.get("several-good").path("startFailure").isNull()).isTrue();
        assertThat(listed.get("several-good").path("trigger").asText()).isEqualTo("every hour");
        JsonNode maybe = listed.get("several-maybe").path("startFailure");
        assertThat(maybe.path("option").asText()).isEqualTo("enabled");
        assertThat(maybe.path("code").asText()).isEqualTo("INVALID_OPTION");
        assertThat(maybe.path("reason").asText()).startsWith("option enabled of connection:several-maybe cannot be used");
        JsonNode noAmount = listed.get("several-no-amount").path("startFailure");
        assertThat(noAmount.path("code").asText()).isEqualTo("ROUTE_NOT_STARTED");
        assertThat(noAmount.path("reason").asText()).contains("needs payerName and amount expressions");
        assertThat(json.readTree(send("GET", "/api/connections/odd-interval").body()).path("startFailure")
                .path("option").asText()).isEqualTo("every");

        // its webhook keeps records; it cannot run until the file is fixed
        HttpResponse<String> kept = post("odd-interval", "O-1");
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(202);
        HttpResponse<String> refused = send("POST", "/api/connections/odd-interval/run?wait=true");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("did not start").contains("odd-interval.camel.yaml");
        // a connection no file declares may be the unreadable file's: the sender is asked to try again
        HttpResponse<String> unknown = post("nobody-declares-this", "N-1");
        assertThat(unknown.statusCode()).isEqualTo(503);
        assertThat(unknown.headers().firstValue("Retry-After")).hasValue("60");

        // the dashboard shows it, in Ukrainian
        String page = send("GET", "/connections/odd-interval?lang=uk").body();
        assertThat(page).contains("Не запустилося").contains("odd-interval.camel.yaml")
                .contains("every «7m» не входить до 1m, 5m").contains("Записів чекає у вебхуку");
        String overview = send("GET", "/?lang=uk").body();
        assertThat(overview).contains("id=\"connection-good-orders\"").contains("unreadable.camel.yaml")
                .contains("файл не читається як Camel YAML").contains("у inbox:misspelt немає параметра batchSise");
        assertThat(app.log()).content().doesNotContain("Failed to start application");

        // fixed, the connection starts and its first run delivers what its webhook kept
        app.close();
        Files.writeString(routes.resolve("odd-interval.camel.yaml"), connection("odd-interval", "every: 5m"));
        app = start("fixed");
        JsonNode caughtUp = json.readTree(send("POST", "/api/connections/odd-interval/run?wait=true").body());
        assertThat(caughtUp.path("counts").path("delivered").asInt()).isEqualTo(1);
        assertThat(portmone.orders()).containsKey("odd-interval_O-1");
    }

    private AppProcess start(String name) throws Exception {
        Map<String, String> settings = new HashMap<>(fakes.settings());
        settings.put("quarkus.datasource.jdbc.url", database);
        settings.put("camel.main.routes-include-pattern", "file:" + routes + "/*.camel.yaml");
        settings.put("portmone.accounts.shop.password", TestSecrets.PORTMONE_PASSWORD);
        settings.put("delivery.mail.from", "invoices@shop.example");
        for (String connection : new String[] {"good-orders", "odd-interval", "misspelt"}) {
            settings.put("connections." + connection + ".webhook-token", TestSecrets.WEBHOOK_TOKEN);
        }
        AppProcess started = AppProcess.start(name, settings, LOGS);
        started.awaitReady(Duration.ofSeconds(90));
        return started;
    }

    private static String connection(String id, String trigger) {
        return """
                - route:
                    id: %1$s
                    description: Orders of %1$s
                    from:
                      uri: connection:%1$s
                      parameters:
                        %2$s
                      steps:
                        - to: inbox:%1$s
                        - split:
                            simple: ${body}
                            steps:
                              - to:
                                  uri: mapping:%1$s
                                  parameters:
                                    key: ${body[order_id]}
                                    payerName: ${body[name]}
                                    payerEmail: ${body[email]}
                                    amount: ${body[amount]}
                              - to: ledger:guard
                              - to: portmone:createLinkPayment?account=shop
                              - to: ledger:invoiced
                              - to: delivery:email?template=invoice
                              - to: ledger:delivered
                """.formatted(id, trigger);
    }

    private HttpResponse<String> post(String connection, String orderId) throws Exception {
        String body = json.writeValueAsString(Map.of("order_id", orderId, "name", "Payer " + orderId,
                "email", orderId.toLowerCase() + "@example.com", "amount", "10.00"));
        return http.send(HttpRequest.newBuilder(URI.create(app.url() + "/hooks/" + connection))
                .header("Content-Type", "application/json").header("X-Hook-Token", TestSecrets.WEBHOOK_TOKEN)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url() + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
