package dev.portmoneconnect.source.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.source.RunSettlements;
import dev.portmoneconnect.source.SourceCursors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.time.Clock;
import java.util.Map;

/**
 * {@code rest-poll:connectionId?url=...}: the orders a JSON API lists since the connection's cursor, or
 * page by page, read through Camel's http component.
 */
@Component("rest-poll")
@Named("rest-poll")
@Singleton
public class RestApiComponent extends DefaultComponent {

    @Inject
    ObjectMapper json;

    @Inject
    SourceCursors cursors;

    @Inject
    LedgerRepository ledger;

    @Inject
    RunSettlements settlements;

    @Inject
    RestApiConfig config;

    @Inject
    Clock clock;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        RestApiEndpoint endpoint = new RestApiEndpoint(uri, this);
        endpoint.setConnectionId(remaining);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    ObjectMapper json() {
        return json;
    }

    SourceCursors cursors() {
        return cursors;
    }

    LedgerRepository ledger() {
        return ledger;
    }

    RunSettlements settlements() {
        return settlements;
    }

    HttpRetry retry() {
        return new HttpRetry(config.retry(), clock, duration -> Thread.sleep(duration.toMillis()));
    }
}
