package dev.portmoneconnect.payments;

import dev.portmoneconnect.flow.ConnectHeaders;
import dev.portmoneconnect.portmone.OrderStatus;
import dev.portmoneconnect.portmone.ResultQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Asks Portmone about orders and closes them, through the {@code portmone:result} and
 * {@code portmone:closeInvoice} endpoints of an account.
 */
@ApplicationScoped
public class PortmoneStatuses {

    @Inject
    ProducerTemplate producer;

    /** @throws dev.portmoneconnect.portmone.PortmoneException when Portmone refused or could not be reached */
    @SuppressWarnings("unchecked")
    public List<OrderStatus> result(String account, ResultQuery query) {
        Exchange answer = producer.send(uri("result", account), e -> e.getMessage().setBody(query));
        rethrow(answer);
        return answer.getMessage().getBody(List.class);
    }

    /** @throws dev.portmoneconnect.portmone.PortmoneException when Portmone did not close the order */
    public void close(String account, String shopOrderNumber) {
        Exchange answer = producer.send(uri("closeInvoice", account),
                e -> e.getMessage().setHeader(ConnectHeaders.SHOP_ORDER_NUMBER, shopOrderNumber));
        rethrow(answer);
    }

    private static String uri(String operation, String account) {
        return "portmone:" + operation + "?account=" + URLEncoder.encode(account, StandardCharsets.UTF_8);
    }

    private static void rethrow(Exchange answer) {
        Exception failure = answer.getException();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
    }
}
