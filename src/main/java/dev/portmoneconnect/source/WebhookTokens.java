package dev.portmoneconnect.source;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Each connection's webhook token: {@code connections.<id>.webhook-token}, from the environment in production. */
@ApplicationScoped
public class WebhookTokens {

    public Optional<String> tokenOf(String connectionId) {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue("connections." + connectionId + ".webhook-token", String.class)
                .filter(t -> !t.isBlank());
    }

    /** Compares in constant time, so response timing tells nothing about the token. */
    public boolean matches(String connectionId, String presented) {
        Optional<String> expected = tokenOf(connectionId);
        if (expected.isEmpty() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
