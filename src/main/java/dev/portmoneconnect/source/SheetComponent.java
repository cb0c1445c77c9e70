package dev.portmoneconnect.source;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/**
 * {@code sheet:connectionId?spreadsheetId=...&range=Orders!A:Z&keyColumn=Order ID}: the rows of a
 * Google Sheet that the connection has not settled yet.
 */
@Component("sheet")
@Named("sheet")
@Singleton
public class SheetComponent extends DefaultComponent {

    @Inject
    GoogleSheets sheets;

    @Inject
    UnsettledRows unsettled;

    @Inject
    SheetRuns runs;

    @Inject
    SheetWriteBack writeBack;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SheetEndpoint endpoint = new SheetEndpoint(uri, this);
        endpoint.setConnectionId(remaining);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    GoogleSheets sheets() {
        return sheets;
    }

    UnsettledRows unsettled() {
        return unsettled;
    }

    SheetRuns runs() {
        return runs;
    }

    SheetWriteBack writeBack() {
        return writeBack;
    }
}
