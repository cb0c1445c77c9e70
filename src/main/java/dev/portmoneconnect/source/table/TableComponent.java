package dev.portmoneconnect.source.table;

import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.source.RunSettlements;
import dev.portmoneconnect.source.SourceCursors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * {@code table:connectionId?database=shop&table=orders&keyColumn=id}: the rows of a shop's database
 * table added since the connection's cursor, read through Camel's sql component.
 */
@Component("table")
@Named("table")
@Singleton
public class TableComponent extends DefaultComponent {

    @Inject
    ShopTable shopTable;

    @Inject
    SourceCursors cursors;

    @Inject
    LedgerRepository ledger;

    @Inject
    RunSettlements settlements;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TableEndpoint endpoint = new TableEndpoint(uri, this);
        endpoint.setConnectionId(remaining);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    ShopTable shopTable() {
        return shopTable;
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
}
