package dev.portmoneconnect.connection;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/** Registers the connection while its route runs, and processes one run's exchange when asked. */
public class ConnectionConsumer extends DefaultConsumer {

    public ConnectionConsumer(ConnectionEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public ConnectionEndpoint getEndpoint() {
        return (ConnectionEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().getComponent().registry().register(this);
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().getComponent().registry().unregister(this);
        super.doStop();
    }

    public String connectionId() {
        return getEndpoint().getId();
    }

    /** Sends one run through the route, synchronously. Record failures are handled inside the route. */
    void run(Exchange exchange) {
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
    }

    Exchange newExchange() {
        return createExchange(false);
    }

    void done(Exchange exchange) {
        releaseExchange(exchange, false);
    }
}
