package dev.portmoneconnect.portmone;

import dev.portmoneconnect.delivery.DeliveryConfig;
import dev.portmoneconnect.ops.ConnectMetrics;
import dev.portmoneconnect.flow.ClaimFence;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.time.Clock;
import java.util.Map;

/** {@code portmone:createLinkPayment?account=shop}: the Portmone merchant API. */
@Component("portmone")
@Named("portmone")
@Singleton
public class PortmoneComponent extends DefaultComponent {

    @Inject
    PortmoneConfig config;

    @Inject
    DeliveryConfig delivery;

    @Inject
    Clock clock;

    @Inject
    ConnectMetrics metrics;

    @Inject
    ClaimFence fence;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PortmoneEndpoint endpoint = new PortmoneEndpoint(uri, this);
        endpoint.setOperation(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    PortmoneAccount account(String name) {
        PortmoneConfig.Account account = config.accounts().get(name);
        if (account == null) {
            throw new IllegalArgumentException("Portmone account '" + name + "' is not configured: set portmone.accounts."
                    + name + ".payee-id, .login, .signing-key (and .password) in application.properties or the environment");
        }
        return PortmoneAccount.from(name, account);
    }

    boolean dryRun() {
        return delivery.dryRun();
    }

    Clock clock() {
        return clock;
    }

    ConnectMetrics metrics() {
        return metrics;
    }

    ClaimFence fence() {
        return fence;
    }
}
