package dev.portmoneconnect.source;

import dev.portmoneconnect.flow.ConnectHeaders;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

import java.util.List;

/**
 * Replaces the body with the connection's pending inbox records, oldest first. In a test send it
 * leaves the body, the record under test, alone and takes nothing.
 */
@UriEndpoint(scheme = "inbox", title = "Webhook inbox", syntax = "inbox:connectionId", producerOnly = true,
        category = {Category.DATABASE}, firstVersion = "0.1.0",
        generateConfigurer = false)
@RegisterForReflection
public class InboxEndpoint extends DefaultEndpoint {

    @UriPath(description = "Connection whose webhook records to take; defaults to the running connection")
    private String connectionId;

    @UriParam(description = "Most records one run takes", defaultValue = "1000")
    private int batchSize = 1000;

    public InboxEndpoint(String uri, InboxComponent component) {
        super(uri, component);
    }

    @Override
    public InboxComponent getComponent() {
        return (InboxComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new DefaultProducer(this) {
            @Override
            public void process(Exchange exchange) {
                if (exchange.getMessage().getHeader(ConnectHeaders.TEST, false, Boolean.class)) {
                    // a test send brings the one record it sends; the pending records stay for real runs
                    return;
                }
                String connection = connectionId == null || connectionId.isBlank()
                        ? exchange.getMessage().getHeader(ConnectHeaders.CONNECTION_ID, String.class) : connectionId;
                String runId = exchange.getMessage().getHeader(ConnectHeaders.RUN_ID, String.class);
                List<SourceRecord> records = getComponent().inbox().take(connection, runId, batchSize).stream()
                        .map(e -> new SourceRecord(InboxSettlement.sourceId(e.id()), RecordJson.fields(e.payload())))
                        .toList();
                exchange.getMessage().setBody(records);
            }
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("inbox: records arrive through POST /hooks/{connectionId}");
    }

    public String getConnectionId() {
        return connectionId;
    }

    public void setConnectionId(String connectionId) {
        this.connectionId = connectionId;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
