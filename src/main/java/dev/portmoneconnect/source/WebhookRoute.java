package dev.portmoneconnect.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/** {@code POST /hooks/{connectionId}}: records from landing-page forms and other systems. */
@ApplicationScoped
public class WebhookRoute extends RouteBuilder {

    @Inject
    WebhookReceiver receiver;

    @Override
    public void configure() {
        from("platform-http:/hooks/{connectionId}?httpMethodRestrict=POST")
                .routeId("webhook-receiver")
                .process(receiver);
    }
}
