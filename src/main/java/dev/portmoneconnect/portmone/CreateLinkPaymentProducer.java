package dev.portmoneconnect.portmone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portmoneconnect.flow.ConnectHeaders;
import dev.portmoneconnect.flow.Invoice;
import org.apache.camel.Exchange;

import java.time.Duration;

/**
 * Creates the payment link for the invoice in the body. Skips the call when the ledger already
 * holds a link for the record, so a resumed or replayed record is never invoiced twice.
 */
public class CreateLinkPaymentProducer extends GatewayProducer {

    /** Link recorded for invoices that a dry run built but did not send. */
    public static final String DRY_RUN_LINK = "https://dry-run.invalid/portmone/";

    public CreateLinkPaymentProducer(PortmoneEndpoint endpoint) {
        super(endpoint);
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
        Reply reply = post(json);
        return CreateLinkPayment.link(reply.status(), reply.body());
    }
}
