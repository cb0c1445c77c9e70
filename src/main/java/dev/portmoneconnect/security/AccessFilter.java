package dev.portmoneconnect.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guards every JAX-RS resource, that is the REST API ({@code /api/*}) and the dashboard, with the
 * credentials of {@link AccessConfig}. Health, metrics and OpenAPI ({@code /q/*}) and the static
 * assets are not JAX-RS and stay open; webhooks ({@code /hooks/*}) keep their own per-connection
 * tokens. While credentials are required, a form post from another site is refused, so that a
 * browser holding the dashboard's basic credentials cannot be made to post for someone else.
 */
@Singleton
public class AccessFilter {

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /** Normal-scoped, so the configuration is read when the first request comes, not when filters are built. */
    @Inject
    AccessControl access;

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        Credentials accepted = access.credentials();
        if (!accepted.required()) {
            return null;
        }
        if (!accepted.accept(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            String challenge = accepted.acceptsBasic()
                    ? "Basic realm=\"" + AccessControl.REALM + "\", charset=\"UTF-8\""
                    : "Bearer realm=\"" + AccessControl.REALM + "\"";
            return Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "authentication required")).build();
        }
        if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "cross-site request refused")).build();
        }
        return null;
    }

    private static boolean crossSite(ContainerRequestContext request) {
        String forwarded = request.getHeaderString("X-Forwarded-Host");
        String host = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip()
                : request.getHeaderString(HttpHeaders.HOST);
        return crossSite(request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"), host);
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
