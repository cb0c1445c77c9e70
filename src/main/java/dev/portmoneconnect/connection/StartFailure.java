package dev.portmoneconnect.connection;

import dev.portmoneconnect.reasons.Reasons;
import dev.portmoneconnect.schedule.InvalidTriggerException;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.util.URISupport;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern UNKNOWN_OPTION = Pattern.compile("Unknown parameters=\\[\\{([^=},]+)=");
    private static final int MAX_DETAIL = 1000;

    /** The file is not Camel YAML (or cannot be read at all): no connection of it is known. */
    static StartFailure unreadable(String file, Throwable e) {
        return new StartFailure(file, null, null, null, "ROUTE_FILE_UNREADABLE",
                Reasons.english("ROUTE_FILE_UNREADABLE", Map.of("detail", detail(e))));
    }

    /** A route of the file could not be created or started: the option at fault, when Camel or the trigger names one. */
    static StartFailure of(String file, String connectionId, String routeId, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidTriggerException trigger) {
                return new StartFailure(file, connectionId, routeId, trigger.option(), trigger.code(),
                        trigger.getMessage());
            }
            if (t instanceof ResolveEndpointFailedException endpoint) {
                Matcher unknown = UNKNOWN_OPTION.matcher(String.valueOf(endpoint.getMessage()));
                if (unknown.find()) {
                    String option = unknown.group(1).strip();
                    return new StartFailure(file, connectionId, routeId, option, "UNKNOWN_OPTION",
                            Reasons.english("UNKNOWN_OPTION", Map.of("endpoint", endpoint(endpoint.getUri()),
                                    "option", option)));
                }
            }
            if (t instanceof PropertyBindingException binding && binding.getPropertyName() != null) {
                return new StartFailure(file, connectionId, routeId, binding.getPropertyName(), "INVALID_OPTION",
                        Reasons.english("INVALID_OPTION", Map.of("option", binding.getPropertyName(),
                                "endpoint", endpoint(uriOf(e)), "detail", detail(binding))));
            }
        }
        return new StartFailure(file, connectionId, routeId, null, "ROUTE_NOT_STARTED",
                Reasons.english("ROUTE_NOT_STARTED", Map.of("detail", detail(e))));
    }

    private static String uriOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ResolveEndpointFailedException endpoint) {
                return endpoint.getUri();
            }
        }
        return null;
    }

    /** The endpoint without its options (they may hold settings that are not for display). */
    private static String endpoint(String uri) {
        if (uri == null) {
            return "a step";
        }
        String plain = URISupport.sanitizeUri(uri);
        int query = plain.indexOf('?');
        return (query < 0 ? plain : plain.substring(0, query)).replaceFirst("^([a-z][a-z0-9+.-]*)://", "$1:");
    }

    /** The innermost message, which says what is wrong without Camel's wrapping. */
    private static String detail(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : oneLine(root.getMessage());
        return message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "…" : message;
    }

    /** A parser's message spans lines, with a caret under the place: one line is enough here. */
    private static String oneLine(String message) {
        StringBuilder line = new StringBuilder();
        for (String part : message.split("\\R")) {
            String text = part.strip();
            if (!text.isEmpty() && !text.equals("^")) {
                line.append(line.isEmpty() ? "" : " ").append(text);
            }
        }
        return line.toString();
    }
}
