package dev.portmoneconnect.payments;

import dev.portmoneconnect.connection.ConnectionRegistry;
import dev.portmoneconnect.portmone.PortmoneEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

import java.util.List;
import java.util.Optional;

/** The {@code portmone:createLinkPayment} step a connection's route invoices with, read off its started route. */
@ApplicationScoped
public class InvoicingSteps {

    @Inject
    ConnectionRegistry registry;

    @Inject
    CamelContext camel;

    /** The account and options of the connection's invoicing step, if it is running and has one. */
    public Optional<Step> of(String connectionId) {
        return registry.find(connectionId).flatMap(consumer -> {
            RouteDefinition route = ((ModelCamelContext) camel).getRouteDefinition(consumer.getRouteId());
            return route == null ? Optional.empty() : find(route.getOutputs());
        });
    }

    private Optional<Step> find(List<ProcessorDefinition<?>> outputs) {
        for (ProcessorDefinition<?> step : outputs) {
            if (step instanceof EndpointRequiredDefinition send && send.getEndpointUri() != null
                    && send.getEndpointUri().startsWith("portmone:")) {
                Endpoint endpoint = camel.getEndpoint(send.getEndpointUri());
                if (endpoint instanceof PortmoneEndpoint portmone && "createLinkPayment".equals(portmone.getOperation())) {
                    return Optional.of(new Step(portmone.getAccount(), portmone.isCloseExpired()));
                }
            }
            Optional<Step> inner = find(step.getOutputs());
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    /** The Portmone account the connection invoices with, and whether it closes expired invoices. */
    public record Step(String account, boolean closeExpired) {
    }
}
