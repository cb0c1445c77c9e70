package dev.portmoneconnect.connection;

/**
 * Why a connection's route did not start: its file, the option at fault when one is, and the reason.
 *
 * @param file         the route file, as {@code camel.main.routes-include-pattern} found it
 * @param connectionId the connection its route declares, or null when the file could not be read
 * @param routeId      the route's id, or null when the file could not be read
 * @param option       the option that cannot be used, such as {@code every}, or null
 * @param code         the reason's key in {@code messages/reasons*.properties}
 * @param reason       the reason in English
 */
public record StartFailure(String file, String connectionId, String routeId, String option, String code,
                           String reason) {
}
