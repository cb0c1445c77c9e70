package dev.portmoneconnect.delivery;

import dev.portmoneconnect.connection.TestRecipients;
import dev.portmoneconnect.delivery.sms.SmsGateway;
import dev.portmoneconnect.flow.Invoice;
import org.apache.camel.Exchange;

/**
 * Texts the payment link from the editable template {@code templates/sms/<name>.<lang>.txt},
 * through the SMPP or HTTP gateway. The text is encoded and split by {@link MessageRenderer}; the
 * part count goes to the ledger.
 */
public class SmsProducer extends ChannelProducer {

    private SmsGateway gateway;

    public SmsProducer(DeliveryEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        gateway = getEndpoint().getComponent().smsGateway(getEndpoint().getGateway());
    }

    @Override
    protected Rendered deliver(Exchange exchange, boolean dryRun) throws Exception {
        Outgoing message = outgoing(exchange, Invoice::payerPhone, TestRecipients::phone, "payerPhone");
        String recipient = message.recipient();
        MessageRenderer.RenderedSms sms = getEndpoint().getComponent().renderer()
                .sms(getEndpoint().getTemplate(), message.invoice(), message.link(), message.orderNumber(), recipient,
                        message.extra());
        boolean send = !dryRun && recipient != null;
        if (send) {
            gateway.send(recipient, sms.text());
        }
        return new Rendered(sms.preview(), sms.text().partCount(), send);
    }
}
