package dev.portmoneconnect.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.support.AppProcess;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.QuickGreenMail;
import dev.portmoneconnect.support.TestSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application configured the way that used to bite: started under {@code LANG=C}
 * (the JVM then reads its environment as ASCII), with a Cyrillic Portmone login from the
 * environment, a signing key holding {@code ${x}} read from a mounted secret file
 * ({@code PORTMONE_SHOP_SIGNING_KEY_FILE}), a webhook token and a password holding {@code ${...}}
 * and {@code $}, and an API token. It starts, signs its invoice correctly, records the run under the
 * instance id the environment gives, refuses a malformed form without an error in its log, and keeps
 * everything but health, metrics and webhooks behind the token.
 */
class SettingsIT {

    static final Path LOGS = Path.of("target", "settings");
    static final String LOGIN = "МагазинОлі";
    static final String SIGNING_KEY = "key-with-${x}-and-$HOME-\\n";
    static final String WEBHOOK_TOKEN = "hook-${token}-Qa5513";
    static final String API_TOKEN = "api-${token}-Mz0187";

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    FakePortmone portmone;
    QuickGreenMail mail;
    AppProcess app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (mail != null) {
            mail.stop();
        }
        if (portmone != null) {
            portmone.close();
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void settingsThatUsedToBiteWork() throws Exception {
        portmone = new FakePortmone(LOGIN, SIGNING_KEY);
        mail = QuickGreenMail.started("mailer", TestSecrets.SMTP_PASSWORD);
        Files.createDirectories(LOGS);
        Path secret = Files.createTempFile(LOGS.toAbsolutePath(), "signing-key", "");
        Files.writeString(secret, SIGNING_KEY + "\n", StandardCharsets.UTF_8);

        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.datasource.jdbc.url", "jdbc:sqlite:target/it-db/" + UUID.randomUUID()
                + "/portmone-connect.db");
        settings.put("portmone.accounts.shop.url", portmone.url());
        settings.put("delivery.mail.host", "127.0.0.1");
        settings.put("delivery.mail.port", String.valueOf(mail.port()));
        settings.put("delivery.mail.username", "mailer");
        settings.put("delivery.mail.from", "invoices@shop.example");
        Map<String, String> environment = new HashMap<>();
        environment.put("LANG", "C");
        environment.put("LC_ALL", "");
        environment.put("LC_CTYPE", "");
        environment.put("PORTMONE_SHOP_PAYEE_ID", FakePortmone.PAYEE_ID);
        environment.put("PORTMONE_SHOP_LOGIN", LOGIN);
        environment.put("PORTMONE_SHOP_SIGNING_KEY", "");
        environment.put("PORTMONE_SHOP_SIGNING_KEY_FILE", secret.toString());
        environment.put("PORTMONE_SHOP_PASSWORD", "pa$$-${word}");
        environment.put("SMTP_PASSWORD", TestSecrets.SMTP_PASSWORD);
        environment.put("LANDING_ORDERS_WEBHOOK_TOKEN", WEBHOOK_TOKEN);
        environment.put("LANDING_ORDERS_SMS_WEBHOOK_TOKEN", WEBHOOK_TOKEN);
        environment.put("CONNECT_API_TOKEN", API_TOKEN);
        environment.put("CONNECT_INSTANCE_ID", "portmone-connect-7d9f8-x2k4q");
        app = AppProcess.start("settings", settings, environment, LOGS);
        app.awaitReady(Duration.ofSeconds(90));

        // the login read from the environment under LANG=C and the key with ${x} sign the invoice correctly;
        // the Ukrainian description from the route file arrives as it is written
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(app.url() + "/hooks/landing-orders"))
                .header("Content-Type", "application/json").header("X-Hook-Token", WEBHOOK_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("order_id", "ENV-1",
                        "name", "Олена Коваль", "email", "olena@example.com", "amount", "1250.50")))));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        JsonNode run = json.readTree(send(withToken("/api/connections/landing-orders/run?wait=true")
                .POST(HttpRequest.BodyPublishers.noBody())).body());
        assertThat(portmone.problems()).isEmpty();
        assertThat(run.path("counts").path("delivered").asInt()).as(run.toString()).isEqualTo(1);
        assertThat(run.path("instance").asText()).isEqualTo("portmone-connect-7d9f8-x2k4q");
        JsonNode order = portmone.requestsFor("landing-orders_ENV-1").get(0).path("order");
        assertThat(order.path("description").asText()).isEqualTo("Замовлення ENV-1");
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(mail.getReceivedMessages()[0].getSubject()).isEqualTo("Рахунок на оплату 1 250,50 грн — Замовлення ENV-1");

        // a malformed form: 400 with a JSON error, with or without a token, and no error in the log
        for (String token : new String[] {null, WEBHOOK_TOKEN}) {
            HttpRequest.Builder form = HttpRequest.newBuilder(URI.create(app.url() + "/hooks/landing-orders"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("order_id=%ZZ&name=Ivan"));
            if (token != null) {
                form.header("X-Hook-Token", token);
            }
            HttpResponse<String> refused = send(form);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/json"));
            assertThat(json.readTree(refused.body()).path("error").asText()).isNotBlank();
        }

        // everything but health, metrics and webhooks asks for the token
        for (String path : new String[] {"/q/swagger-ui/", "/q/openapi", "/api/connections", "/", "/q/dev-ui"}) {
            assertThat(send(HttpRequest.newBuilder(URI.create(app.url() + path))).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(send(withToken("/q/openapi")).statusCode()).isEqualTo(200);
        assertThat(send(withToken("/q/swagger-ui/")).statusCode()).isEqualTo(200);
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/metrics"}) {
            assertThat(send(HttpRequest.newBuilder(URI.create(app.url() + path))).statusCode()).as(path).isEqualTo(200);
        }

        String log = Files.readString(app.log());
        assertThat(log).doesNotContain(" ERROR ").doesNotContain("\tat ").doesNotContain("Exception");
        for (String secretValue : new String[] {SIGNING_KEY, "key-with-", WEBHOOK_TOKEN, API_TOKEN, "pa$$-${word}",
                Base64.getEncoder().encodeToString(SIGNING_KEY.getBytes(StandardCharsets.UTF_8))}) {
            assertThat(log).doesNotContain(secretValue);
        }
    }

    private HttpRequest.Builder withToken(String path) {
        return HttpRequest.newBuilder(URI.create(app.url() + path)).header("Authorization", "Bearer " + API_TOKEN);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
