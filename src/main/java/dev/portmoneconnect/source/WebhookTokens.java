package dev.portmoneconnect.source;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may post to a connection's webhook: a caller presenting the connection's token
 * ({@code connections.<id>.webhook-token}), or one signing the body with its shared secret
 * ({@code connections.<id>.webhook-secret}, header {@code X-Hook-Signature: sha256=<hex HMAC-SHA256>}).
 * Both are compared in constant time, so response timing tells nothing about them.
 */
@ApplicationScoped
public class WebhookTokens {

    static final String SIGNATURE_PREFIX = "sha256=";

    public Optional<String> tokenOf(String connectionId) {
        return setting(connectionId, "webhook-token");
    }

    public Optional<String> secretOf(String connectionId) {
        return setting(connectionId, "webhook-secret");
    }

    public boolean matches(String connectionId, String presented) {
        Optional<String> expected = tokenOf(connectionId);
        if (expected.isEmpty() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Checks {@code sha256=<hex>} against the HMAC-SHA256 of the raw body under the connection's secret. */
    public boolean signed(String connectionId, byte[] body, String signature) {
        Optional<String> secret = secretOf(connectionId);
        if (secret.isEmpty() || signature == null || !signature.toLowerCase(Locale.ROOT).startsWith(SIGNATURE_PREFIX)) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secret.get(), body == null ? new byte[0] : body))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] presented = signature.substring(SIGNATURE_PREFIX.length()).trim().toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented);
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Optional<String> setting(String connectionId, String name) {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue("connections." + connectionId + "." + name, String.class)
                .filter(t -> !t.isBlank());
    }
}
