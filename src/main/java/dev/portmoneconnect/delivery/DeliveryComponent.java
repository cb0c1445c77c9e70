package dev.portmoneconnect.delivery;

import dev.portmoneconnect.flow.ChannelDelivered;
import dev.portmoneconnect.delivery.sms.HttpSmsGateway;
import dev.portmoneconnect.delivery.sms.SmppGateway;
import dev.portmoneconnect.delivery.sms.SmsGateway;
import dev.portmoneconnect.ops.ConnectMetrics;
import jakarta.enterprise.event.Event;
import dev.portmoneconnect.flow.ClaimFence;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.service.ServiceHelper;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code delivery:email?template=invoice} and {@code delivery:sms?template=invoice}: sends the
 * payment link to the payer. SMS gateways are shared by every route, so an SMS centre sees one
 * login however many connections send SMS.
 */
@Component("delivery")
@Named("delivery")
@Singleton
public class DeliveryComponent extends DefaultComponent {

    static final String SMPP = "smpp";
    static final String HTTP = "http";

    @Inject
    DeliveryConfig config;

    @Inject
    MessageRenderer renderer;

    @Inject
    ConnectMetrics metrics;

    @Inject
    Event<ChannelDelivered> delivered;

    @Inject
    ClaimFence fence;

    private final Map<String, SmsGateway> smsGateways = new HashMap<>();

    private volatile SmtpSender smtpSender;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        DeliveryEndpoint endpoint = new DeliveryEndpoint(uri, this);
        endpoint.setChannel(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The gateway of that kind ({@code smpp} or {@code http}; null for the configured one), started. */
    synchronized SmsGateway smsGateway(String kind) throws Exception {
        String chosen = kind == null || kind.isBlank() ? config.sms().gateway() : kind;
        SmsGateway gateway = smsGateways.get(chosen);
        if (gateway == null) {
            gateway = switch (chosen) {
                case SMPP -> new SmppGateway(getCamelContext(), config.sms().smpp(), config.sms().timeout());
                case HTTP -> new HttpSmsGateway(getCamelContext(), config.sms().http(), config.sms().timeout());
                default -> throw new IllegalArgumentException("Unknown SMS gateway '" + chosen + "': smpp or http"
                        + (kind == null || kind.isBlank() ? " (delivery.sms.gateway)" : ""));
            };
            ServiceHelper.startService(gateway);
            smsGateways.put(chosen, gateway);
        }
        return gateway;
    }

    /** The SMTP sender every {@code delivery:email} endpoint shares, made and started at the first message. */
    SmtpSender smtpSender() throws Exception {
        SmtpSender sender = smtpSender;
        if (sender == null) {
            synchronized (this) {
                sender = smtpSender;
                if (sender == null) {
                    sender = new SmtpSender(getCamelContext(), config.mail());
                    ServiceHelper.startService(sender);
                    smtpSender = sender;
                }
            }
        }
        return sender;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        ServiceHelper.stopService(smsGateways.values());
        smsGateways.clear();
        ServiceHelper.stopService(smtpSender);
        smtpSender = null;
        super.doStop();
    }

    void announce(ChannelDelivered event) {
        delivered.fire(event);
    }

    DeliveryConfig config() {
        return config;
    }

    MessageRenderer renderer() {
        return renderer;
    }

    ConnectMetrics metrics() {
        return metrics;
    }

    ClaimFence fence() {
        return fence;
    }
}
