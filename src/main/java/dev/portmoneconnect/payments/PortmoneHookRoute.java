package dev.portmoneconnect.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/** {@code POST /hooks/portmone/{account}}: Portmone's payment notifications for one merchant account. */
@ApplicationScoped
public class PortmoneHookRoute extends RouteBuilder {

    @Inject
    PortmoneHookReceiver receiver;

    @Override
    public void configure() {
        from("platform-http:/hooks/portmone/{account}?httpMethodRestrict=POST")
                .routeId("portmone-notifications")
                .process(receiver);
    }
}
