package dev.portmoneconnect.portmone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portmoneconnect.flow.ConnectHeaders;
import dev.portmoneconnect.flow.Invoice;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.service.ServiceHelper;

import java.io.IOException;
import java.time.Duration;

/**
 * Creates the payment link for the invoice in the body. Skips the call when the ledger already
 * holds a link for the record, so a resumed or replayed record is never invoiced twice.
 */
public class CreateLinkPaymentProducer extends DefaultProducer {

    /** Link recorded for invoices that a dry run built but did not send. */
    public static final String DRY_RUN_LINK = "https://dry-run.invalid/portmone/";

    private Producer gateway;

    public CreateLinkPaymentProducer(PortmoneEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public PortmoneEndpoint getEndpoint() {
        return (PortmoneEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        gateway = getEndpoint().gateway().createProducer();
        ServiceHelper.startService(gateway);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(gateway);
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (exchange.getMessage().getHeader(ConnectHeaders.PAYMENT_LINK) != null) {
            return;
        }
        Invoice invoice = exchange.getMessage().getMandatoryBody(Invoice.class);
        String orderNumber = exchange.getMessage().getHeader(ConnectHeaders.SHOP_ORDER_NUMBER, String.class);
        if (orderNumber == null) {
            throw new IllegalStateException("no shopOrderNumber: put ledger:guard before portmone:createLinkPayment");
        }
        exchange.getMessage().setHeader(ConnectHeaders.PORTMONE_ACCOUNT, getEndpoint().getAccount());
        exchange.getMessage().setHeader(ConnectHeaders.CLOSE_EXPIRED, getEndpoint().isCloseExpired());
        ObjectNode request = getEndpoint().createLinkPaymentRequest(invoice, orderNumber);
        String json = CreateLinkPayment.toJson(request);
        exchange.getMessage().setHeader(ConnectHeaders.PORTMONE_REQUEST, json);

        boolean dryRun = getEndpoint().getComponent().dryRun()
                || exchange.getMessage().getHeader(ConnectHeaders.DRY_RUN, false, Boolean.class);
        if (dryRun) {
            exchange.getMessage().setHeader(ConnectHeaders.PAYMENT_LINK, DRY_RUN_LINK + orderNumber);
            return;
        }
        getEndpoint().getComponent().fence().proveHeld(exchange);
        String connectionId = exchange.getMessage().getHeader(ConnectHeaders.CONNECTION_ID, String.class);
        long started = System.nanoTime();
        try {
            exchange.getMessage().setHeader(ConnectHeaders.PAYMENT_LINK, send(json));
        } finally {
            getEndpoint().getComponent().metrics().portmoneCall(connectionId, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private String send(String json) throws Exception {
        Exchange call = getEndpoint().gateway().createExchange();
        call.getMessage().setBody(json);
        call.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        call.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        gateway.process(call);
        Exception failure = call.getException();
        if (failure != null) {
            if (failure instanceof IOException) {
                throw new PortmoneUnavailableException("NETWORK", "Portmone not reachable: " + failure.getMessage());
            }
            throw failure;
        }
        Integer status = call.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return CreateLinkPayment.link(status == null ? 0 : status, call.getMessage().getBody(String.class));
    }
}
