package dev.portmoneconnect.security;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * {@code connect.security.*}: who may use the API and the dashboard. With nothing set both are open
 * (the dev-mode default); with a token, a user and password, or both, every request must present one.
 */
@ConfigMapping(prefix = "connect.security")
public interface AccessConfig {

    /** Accepted as {@code Authorization: Bearer <token>}; for scripts and monitoring. */
    Optional<String> apiToken();

    /** Accepted as HTTP basic authentication; the browser asks for it on the dashboard. */
    Basic basic();

    interface Basic {

        Optional<String> username();

        Optional<String> password();
    }
}
