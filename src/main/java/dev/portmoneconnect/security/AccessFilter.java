package dev.portmoneconnect.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Guards every HTTP path with the credentials of {@link AccessConfig}: the REST API, the dashboard,
 * OpenAPI and Swagger UI, and whatever else is served, except health ({@code /q/health}), metrics
 * ({@code /q/metrics}) and webhooks ({@code /hooks/*}, which keep their own per-connection tokens).
 * It runs before any route, so nothing added to the app later is left open by mistake. While
 * credentials are required, a form post from another site is refused, so that a browser holding the
 * dashboard's basic credentials cannot be made to post for someone else.
 */
@ApplicationScoped
public class AccessFilter {

    /** Ahead of every route of the application. */
    static final int PRIORITY = 1000;

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    AccessControl access;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext request) {
        Credentials accepted = access.credentials();
        if (!accepted.required() || open(request.normalizedPath())) {
            request.next();
            return;
        }
        if (!accepted.accept(request.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            String challenge = accepted.acceptsBasic()
                    ? "Basic realm=\"" + AccessControl.REALM + "\", charset=\"UTF-8\""
                    : "Bearer realm=\"" + AccessControl.REALM + "\"";
            refuse(request.response().putHeader("WWW-Authenticate", challenge).setStatusCode(401)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json"), "authentication required");
            return;
        }
        if (!SAFE.contains(request.request().method()) && crossSite(request)) {
            refuse(request.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/json"),
                    "cross-site request refused");
            return;
        }
        request.next();
    }

    /** Health, metrics and webhooks answer anyone: monitors and landing pages present no login. */
    static boolean open(String path) {
        return path != null && (path.equals("/q/health") || path.startsWith("/q/health/") || path.equals("/q/metrics")
                || path.startsWith("/q/metrics/") || path.startsWith("/hooks/"));
    }

    private static void refuse(io.vertx.core.http.HttpServerResponse response, String error) {
        response.end("{\"error\":\"" + error + "\"}");
    }

    private static boolean crossSite(RoutingContext request) {
        String forwarded = request.request().getHeader("X-Forwarded-Host");
        String host = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip()
                : request.request().getHeader(HttpHeaders.HOST);
        return crossSite(request.request().getHeader("Sec-Fetch-Site"), request.request().getHeader("Origin"),
                host);
    }

    /**
     * A browser says where a request comes from ({@code Sec-Fetch-Site}, {@code Origin}); scripts send
     * neither and are not affected.
     *
     * @param host the host and port the request was sent to
     */
    static boolean crossSite(String fetchSite, String origin, String host) {
        if (fetchSite != null && fetchSite.strip().toLowerCase(Locale.ROOT).equals("cross-site")) {
            return true;
        }
        if (origin == null || origin.isBlank()) {
            return false;
        }
        try {
            URI from = URI.create(origin.strip());
            if (from.getHost() == null) {
                return true;
            }
            String authority = from.getPort() < 0 ? from.getHost() : from.getHost() + ":" + from.getPort();
            return host == null || !authority.equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
