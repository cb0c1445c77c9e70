package dev.portmoneconnect.source.files;

import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.source.RunSettlements;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.service.ServiceHelper;

import java.util.Map;

/**
 * {@code files:connectionId?directory=...}: CSV and .xlsx files of orders dropped into a folder,
 * taken through Camel's file component and moved away once every row has its outcome.
 */
@Component("files")
@Named("files")
@Singleton
public class FilesComponent extends DefaultComponent {

    @Inject
    OrderFiles reader;

    @Inject
    LedgerRepository ledger;

    @Inject
    RunSettlements settlements;

    private ConsumerTemplate consumer;
    private ProducerTemplate producer;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        FilesEndpoint endpoint = new FilesEndpoint(uri, this);
        endpoint.setConnectionId(remaining);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        consumer = getCamelContext().createConsumerTemplate();
        producer = getCamelContext().createProducerTemplate();
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(consumer, producer);
        super.doStop();
    }

    OrderFiles reader() {
        return reader;
    }

    LedgerRepository ledger() {
        return ledger;
    }

    RunSettlements settlements() {
        return settlements;
    }

    ConsumerTemplate consumer() {
        return consumer;
    }

    ProducerTemplate producer() {
        return producer;
    }
}
