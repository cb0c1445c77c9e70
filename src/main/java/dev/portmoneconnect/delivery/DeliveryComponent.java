package dev.portmoneconnect.delivery;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/** {@code delivery:email?template=invoice}: sends the payment link to the payer. */
@Component("delivery")
@Named("delivery")
@Singleton
public class DeliveryComponent extends DefaultComponent {

    @Inject
    DeliveryConfig config;

    @Inject
    TemplateStore templates;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        DeliveryEndpoint endpoint = new DeliveryEndpoint(uri, this);
        endpoint.setChannel(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    DeliveryConfig config() {
        return config;
    }

    TemplateStore templates() {
        return templates;
    }
}
