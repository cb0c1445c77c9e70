package dev.portmoneconnect.portmone;

import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultProducer;

import java.io.IOException;

/** A producer that posts one JSON request to the account's gateway and reads the answer. */
abstract class GatewayProducer extends DefaultProducer {

    GatewayProducer(PortmoneEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public PortmoneEndpoint getEndpoint() {
        return (PortmoneEndpoint) super.getEndpoint();
    }

    /**
     * Posts the request and answers Portmone's reply.
     *
     * @throws PortmoneUnavailableException when Portmone cannot be reached
     */
    Reply post(String json) throws Exception {
        Producer gateway = getEndpoint().gateway();
        Exchange call = gateway.getEndpoint().createExchange();
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
        return new Reply(status == null ? 0 : status, call.getMessage().getBody(String.class));
    }

    /** The account's password, which {@code result} and {@code closeInvoice} need. */
    void requirePassword() {
        PortmoneAccount account = getEndpoint().account();
        if (account.password() == null || account.password().isBlank()) {
            throw new PortmoneRejectedException("NO_PASSWORD", "Portmone account '" + account.name()
                    + "' has no password: set portmone.accounts." + account.name() + ".password to ask for payment statuses");
        }
    }

    record Reply(int status, String body) {
    }
}
