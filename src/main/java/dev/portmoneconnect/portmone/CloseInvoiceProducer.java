package dev.portmoneconnect.portmone;

import dev.portmoneconnect.flow.ConnectHeaders;
import org.apache.camel.Exchange;

/**
 * {@code portmone:closeInvoice}: cancels an unpaid order. The order is the body (its
 * shopOrderNumber) or header {@link ConnectHeaders#SHOP_ORDER_NUMBER}. In a dry run nothing is sent;
 * header {@link #CLOSED} says whether Portmone closed the order.
 */
public class CloseInvoiceProducer extends GatewayProducer {

    /** Whether Portmone closed the order (false in a dry run, which sends nothing). */
    public static final String CLOSED = "PortmoneConnectClosed";

    public CloseInvoiceProducer(PortmoneEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String orderNumber = exchange.getMessage().getHeader(ConnectHeaders.SHOP_ORDER_NUMBER, String.class);
        if (orderNumber == null) {
            orderNumber = exchange.getMessage().getBody(String.class);
        }
        if (orderNumber == null || orderNumber.isBlank()) {
            throw new IllegalArgumentException("portmone:closeInvoice needs the order's shopOrderNumber in the body");
        }
        boolean dryRun = getEndpoint().getComponent().dryRun()
                || exchange.getMessage().getHeader(ConnectHeaders.DRY_RUN, false, Boolean.class);
        if (dryRun) {
            exchange.getMessage().setHeader(CLOSED, false);
            return;
        }
        requirePassword();
        String json = PortmoneResult.toJson(CloseInvoice.request(getEndpoint().account(), orderNumber));
        Reply reply = post(json);
        CloseInvoice.check(reply.status(), reply.body());
        exchange.getMessage().setHeader(CLOSED, true);
    }
}
