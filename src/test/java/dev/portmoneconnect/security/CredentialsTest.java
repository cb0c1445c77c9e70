package dev.portmoneconnect.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsTest {

    private static final Credentials BOTH = Credentials.of(Optional.of("tok-123"), Optional.of("operator"),
            Optional.of("pass word:1"));

    @Test
    void nothingConfiguredMeansOpen() {
        Credentials open = Credentials.of(Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(open.required()).isFalse();
        assertThat(open.accept(null)).isTrue();
    }

    @Test
    void acceptsTheBearerToken() {
        assertThat(BOTH.accept("Bearer tok-123")).isTrue();
        assertThat(BOTH.accept("bearer  tok-123 ")).isTrue();
        assertThat(BOTH.accept("Bearer tok-1234")).isFalse();
        assertThat(BOTH.accept("Bearer tok-12")).isFalse();
        assertThat(BOTH.accept("Bearer ")).isFalse();
        assertThat(BOTH.accept("tok-123")).isFalse();
        assertThat(BOTH.accept(null)).isFalse();
    }

    @Test
    void acceptsBasicCredentialsWhosePasswordMayHoldColons() {
        assertThat(BOTH.accept(basic("operator", "pass word:1"))).isTrue();
        assertThat(BOTH.accept(basic("operator", "pass word:2"))).isFalse();
        assertThat(BOTH.accept(basic("Operator", "pass word:1"))).isFalse();
        assertThat(BOTH.accept("Basic not-base64!")).isFalse();
        assertThat(BOTH.accept("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes()))).isFalse();
        assertThat(BOTH.accept("Digest operator")).isFalse();
    }

    @Test
    void eachKindIsAcceptedOnlyWhenConfigured() {
        Credentials tokenOnly = Credentials.of(Optional.of("tok-123"), Optional.empty(), Optional.empty());
        assertThat(tokenOnly.accept(basic("operator", "pass word:1"))).isFalse();
        Credentials basicOnly = Credentials.of(Optional.empty(), Optional.of("operator"), Optional.of("pw"));
        assertThat(basicOnly.accept("Bearer tok-123")).isFalse();
        assertThat(basicOnly.accept(basic("operator", "pw"))).isTrue();
    }

    @Test
    void halfOfTheBasicCredentialsIsAnError() {
        assertThatThrownBy(() -> Credentials.of(Optional.empty(), Optional.of("operator"), Optional.empty()))
                .hasMessageContaining("connect.security.basic.password");
    }

    @Test
    void tellsCrossSitePostsFromSameSiteOnes() {
        assertThat(AccessFilter.crossSite(null, null, "localhost:8080")).isFalse();
        assertThat(AccessFilter.crossSite("same-origin", "http://localhost:8080", "localhost:8080")).isFalse();
        assertThat(AccessFilter.crossSite(null, "https://connect.shop.example", "connect.shop.example")).isFalse();
        assertThat(AccessFilter.crossSite("cross-site", null, "localhost:8080")).isTrue();
        assertThat(AccessFilter.crossSite(null, "https://evil.example", "localhost:8080")).isTrue();
        assertThat(AccessFilter.crossSite(null, "http://localhost:9999", "localhost:8080")).isTrue();
        assertThat(AccessFilter.crossSite(null, "null", "localhost:8080")).isTrue();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
