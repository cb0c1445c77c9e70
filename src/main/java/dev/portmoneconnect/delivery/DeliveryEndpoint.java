package dev.portmoneconnect.delivery;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** Delivery of the payment link over one channel, with one template. */
@UriEndpoint(scheme = "delivery", title = "Payment link delivery", syntax = "delivery:channel", producerOnly = true,
        category = {Category.MAIL, Category.MOBILE})
@RegisterForReflection
public class DeliveryEndpoint extends DefaultEndpoint {

    @UriPath(enums = "email")
    @Metadata(required = true, description = "Channel: email")
    private String channel;

    @UriParam(description = "Template name under templates/<channel>/", defaultValue = "invoice")
    private String template = "invoice";

    public DeliveryEndpoint(String uri, DeliveryComponent component) {
        super(uri, component);
    }

    @Override
    public DeliveryComponent getComponent() {
        return (DeliveryComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if ("email".equals(channel)) {
            return new EmailProducer(this);
        }
        throw new IllegalArgumentException("Unknown delivery channel '" + channel + "'");
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("delivery: endpoints only send");
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }
}
