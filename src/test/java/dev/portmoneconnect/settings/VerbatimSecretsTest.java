package dev.portmoneconnect.settings;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerbatimSecretsTest {

    static final Map<String, String> OPERATOR_SETTINGS = Map.of(
            "portmone.accounts.shop.signing-key", "${PORTMONE_SHOP_SIGNING_KEY}",
            "portmone.accounts.shop.password", "${PORTMONE_SHOP_PASSWORD:}",
            "portmone.accounts.shop.login", "${PORTMONE_SHOP_LOGIN}",
            "connect.security.api-token", "${CONNECT_API_TOKEN:}",
            "connections.landing-orders.webhook-token", "${LANDING_ORDERS_WEBHOOK_TOKEN}",
            "delivery.mail.host", "${SMTP_HOST:localhost}",
            "quarkus.datasource.password", "");

    @TempDir
    Path dir;

    @Test
    void aSecretIsTakenAsItIsWrittenWhateverItHolds() {
        SmallRyeConfig config = config(Map.of("PORTMONE_SHOP_SIGNING_KEY", "abc${x}def$HOME\\${y}",
                "LANDING_ORDERS_WEBHOOK_TOKEN", "${SMTP_HOST}", "PORTMONE_SHOP_LOGIN", "shop", "SMTP_HOST", "mail"));
        assertThat(config.getValue("portmone.accounts.shop.signing-key", String.class)).isEqualTo("abc${x}def$HOME\\${y}");
        assertThat(config.getValue("connections.landing-orders.webhook-token", String.class)).isEqualTo("${SMTP_HOST}");
        assertThat(config.getOptionalValue("portmone.accounts.shop.password", String.class)).isEmpty();
        // other settings are expanded as usual
        assertThat(config.getValue("delivery.mail.host", String.class)).isEqualTo("mail");
        assertThat(config.getValue("portmone.accounts.shop.login", String.class)).isEqualTo("shop");
    }

    @Test
    void aSecretComesFromTheFileItsFileVariableNames() throws Exception {
        Path key = dir.resolve("signing-key");
        Files.writeString(key, "from-a-file-${x}\n", StandardCharsets.UTF_8);
        Path password = dir.resolve("db-password");
        Files.writeString(password, "db-secret\r\n", StandardCharsets.UTF_8);
        SmallRyeConfig config = config(Map.of("PORTMONE_SHOP_SIGNING_KEY_FILE", key.toString(),
                "QUARKUS_DATASOURCE_PASSWORD_FILE", password.toString()));
        assertThat(config.getValue("portmone.accounts.shop.signing-key", String.class)).isEqualTo("from-a-file-${x}");
        assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("db-secret");
    }

    @Test
    void theVariableItselfWinsOverItsFile() throws Exception {
        Path key = dir.resolve("signing-key");
        Files.writeString(key, "from-the-file", StandardCharsets.UTF_8);
        SmallRyeConfig config = config(Map.of("PORTMONE_SHOP_SIGNING_KEY", "from-the-variable",
                "PORTMONE_SHOP_SIGNING_KEY_FILE", key.toString()));
        assertThat(config.getValue("portmone.accounts.shop.signing-key", String.class)).isEqualTo("from-the-variable");
    }

    @Test
    void aMissingSecretNamesItsVariable() {
        SmallRyeConfig config = config(Map.of());
        assertThatThrownBy(() -> config.getValue("portmone.accounts.shop.signing-key", String.class))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("PORTMONE_SHOP_SIGNING_KEY");
    }

    @Test
    void anUnreadableSecretFileIsNamedWithoutItsContent() {
        SmallRyeConfig config = config(Map.of("PORTMONE_SHOP_SIGNING_KEY_FILE", dir.resolve("missing").toString()));
        assertThatThrownBy(() -> config.getValue("portmone.accounts.shop.signing-key", String.class))
                .hasMessageContaining("PORTMONE_SHOP_SIGNING_KEY_FILE").hasMessageContaining("cannot be read");
    }

    @Test
    void secretsAreKnownByTheLastPartOfTheirName() {
        assertThat(VerbatimSecrets.isSecret("portmone.accounts.shop.signing-key")).isTrue();
        assertThat(VerbatimSecrets.isSecret("portmone.accounts.shop.password")).isTrue();
        assertThat(VerbatimSecrets.isSecret("connect.security.api-token")).isTrue();
        assertThat(VerbatimSecrets.isSecret("connections.landing-orders.webhook-secret")).isTrue();
        assertThat(VerbatimSecrets.isSecret("camel.component.google-sheets.refresh-token")).isTrue();
        assertThat(VerbatimSecrets.isSecret("delivery.sms.http.token")).isTrue();
        assertThat(VerbatimSecrets.isSecret("portmone.accounts.shop.login")).isFalse();
        assertThat(VerbatimSecrets.isSecret("connect.security.basic.username")).isFalse();
        assertThat(VerbatimSecrets.isSecret("PORTMONE_SHOP_SIGNING_KEY")).isFalse();
        assertThat(VerbatimSecrets.isSecret("connect.security.API-Token")).isTrue();
        assertThat(VerbatimSecrets.isSecret("secret")).isTrue();
        assertThat(VerbatimSecrets.isSecret("connect.password.policy")).isFalse();
        assertThat(VerbatimSecrets.isSecret("connect.tokenizer")).isFalse();
        assertThat(VerbatimSecrets.isSecret("connect.api_token")).isFalse();
        assertThat(VerbatimSecrets.isSecret("connect.api-tokens")).isFalse();
    }

    private static SmallRyeConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withInterceptors(new VerbatimSecrets())
                .withSources(new EnvConfigSource(environment, 300),
                        new PropertiesConfigSource(OPERATOR_SETTINGS, "application.properties", 260))
                .build();
    }
}
