package dev.portmoneconnect.portmone;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@code createLinkPayment} signature, as every official Portmone plugin computes it:
 * <pre>
 * text      = UPPER(payeeId + dt + HEX(shopOrderNumber) + billAmount) + UPPER(HEX(login))
 * signature = UPPER(HEX(HMAC_SHA256(signingKey, text)))
 * </pre>
 */
public final class PortmoneSignature {

    private PortmoneSignature() {
    }

    public static String sign(String payeeId, String dt, String shopOrderNumber, String billAmount, String login,
                              String signingKey) {
        String text = (payeeId + dt + hex(shopOrderNumber) + billAmount).toUpperCase(Locale.ROOT)
                + hex(login).toUpperCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** PHP's {@code bin2hex}: lowercase hex of the UTF-8 bytes. */
    static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
