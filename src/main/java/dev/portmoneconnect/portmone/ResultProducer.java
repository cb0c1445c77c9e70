package dev.portmoneconnect.portmone;

import org.apache.camel.Exchange;

import java.util.List;

/**
 * {@code portmone:result}: asks Portmone where orders stand. The body is a {@link ResultQuery}; it
 * is replaced with the {@link OrderStatus} items Portmone answered. A read: it is made in dry runs too.
 */
public class ResultProducer extends GatewayProducer {

    public ResultProducer(PortmoneEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ResultQuery query = exchange.getMessage().getMandatoryBody(ResultQuery.class);
        requirePassword();
        String json = PortmoneResult.toJson(PortmoneResult.request(getEndpoint().account(), query));
        Reply reply = post(json);
        List<OrderStatus> statuses = PortmoneResult.statuses(reply.status(), reply.body());
        exchange.getMessage().setBody(statuses);
    }
}
