package dev.portmoneconnect.ledger;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/** {@code ledger:guard|invoiced|delivered|failed}: the record's state, written between external calls. */
@Component("ledger")
@Named("ledger")
@Singleton
public class LedgerComponent extends DefaultComponent {

    @Inject
    LedgerService service;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        LedgerEndpoint endpoint = new LedgerEndpoint(uri, this, LedgerEndpoint.Step.parse(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    LedgerService service() {
        return service;
    }
}
