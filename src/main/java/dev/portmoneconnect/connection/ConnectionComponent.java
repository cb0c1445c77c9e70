package dev.portmoneconnect.connection;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code connection:id?every=15m}: the start of a connection route. Its consumer is fired by the
 * connection's schedule, by another connection finishing, or by hand through the API.
 */
@Component("connection")
@Named("connection")
@Singleton
public class ConnectionComponent extends DefaultComponent {

    /** Connection ids appear in URLs, order numbers and metric tags. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    @Inject
    ConnectionRegistry registry;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!ID.matcher(remaining).matches()) {
            throw new IllegalArgumentException("Connection id '" + remaining
                    + "' must be lower-case letters, digits and dashes, at most 60 characters");
        }
        ConnectionEndpoint endpoint = new ConnectionEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    ConnectionRegistry registry() {
        return registry;
    }
}
