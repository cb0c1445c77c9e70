package dev.portmoneconnect.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The credentials the API and the dashboard accept, and the check of an {@code Authorization}
 * header against them. Secrets are compared as SHA-256 digests with {@link MessageDigest#isEqual},
 * so the time a check takes tells nothing about a secret, not even its length.
 */
final class Credentials {

    private final byte[] token;
    private final byte[] username;
    private final byte[] password;

    private Credentials(String token, String username, String password) {
        this.token = token == null ? null : digest(token);
        this.username = username == null ? null : digest(username);
        this.password = password == null ? null : digest(password);
    }

    /** @throws IllegalArgumentException when only half of the basic credentials is set */
    static Credentials of(Optional<String> token, Optional<String> username, Optional<String> password) {
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("set both connect.security.basic.username and"
                    + " connect.security.basic.password, or neither");
        }
        return new Credentials(token.orElse(null), username.orElse(null), password.orElse(null));
    }

    static Credentials of(AccessConfig config) {
        return of(config.apiToken().filter(t -> !t.isBlank()), config.basic().username().filter(u -> !u.isBlank()),
                config.basic().password().filter(p -> !p.isBlank()));
    }

    /** Whether anything is required at all: with no credentials configured the API is open. */
    boolean required() {
        return token != null || username != null;
    }

    boolean acceptsToken() {
        return token != null;
    }

    boolean acceptsBasic() {
        return username != null;
    }

    /** Whether the {@code Authorization} header presents an accepted token or user and password. */
    boolean accept(String authorization) {
        if (!required()) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return false;
        }
        String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
        String value = authorization.substring(space + 1).strip();
        return switch (scheme) {
            case "bearer" -> token != null && MessageDigest.isEqual(token, digest(value));
            case "basic" -> username != null && basic(value);
            default -> false;
        };
    }

    private boolean basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean user = MessageDigest.isEqual(username, digest(decoded.substring(0, colon)));
        boolean pass = MessageDigest.isEqual(password, digest(decoded.substring(colon + 1)));
        return user & pass;
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
