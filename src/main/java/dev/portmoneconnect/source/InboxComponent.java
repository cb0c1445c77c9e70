package dev.portmoneconnect.source;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/** {@code inbox:connectionId}: the records posted to a connection's webhook and not yet settled. */
@Component("inbox")
@Named("inbox")
@Singleton
public class InboxComponent extends DefaultComponent {

    @Inject
    InboxRepository inbox;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        InboxEndpoint endpoint = new InboxEndpoint(uri, this);
        endpoint.setConnectionId(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    InboxRepository inbox() {
        return inbox;
    }
}
