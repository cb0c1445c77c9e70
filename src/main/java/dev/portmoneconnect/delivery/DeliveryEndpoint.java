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
        category = {Category.MAIL, Category.MOBILE}, firstVersion = "0.1.0",
        generateConfigurer = false)
@RegisterForReflection
public class DeliveryEndpoint extends DefaultEndpoint {

    @UriPath(enums = "email,sms")
    @Metadata(required = true, description = "Channel: email or sms")
    private String channel;

    @UriParam(description = "Template name under templates/<channel>/", defaultValue = "invoice")
    private String template = "invoice";

    @UriParam(enums = "smpp,http", description = "SMS only: the gateway to send by, instead of delivery.sms.gateway")
    private String gateway;

    public DeliveryEndpoint(String uri, DeliveryComponent component) {
        super(uri, component);
    }

    @Override
    public DeliveryComponent getComponent() {
        return (DeliveryComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return switch (channel) {
            case "email" -> new EmailProducer(this);
            case "sms" -> new SmsProducer(this);
            default -> throw new IllegalArgumentException("Unknown delivery channel '" + channel + "': email or sms");
        };
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

    public String getGateway() {
        return gateway;
    }

    public void setGateway(String gateway) {
        this.gateway = gateway;
    }
}
