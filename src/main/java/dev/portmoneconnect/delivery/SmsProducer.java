package dev.portmoneconnect.delivery;

import dev.portmoneconnect.connection.ConnectHeaders;
import dev.portmoneconnect.connection.TestRecipients;
import dev.portmoneconnect.delivery.sms.SmsGateway;
import dev.portmoneconnect.mapping.Invoice;
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
        Invoice invoice = exchange.getMessage().getMandatoryBody(Invoice.class);
        String link = exchange.getMessage().getHeader(ConnectHeaders.PAYMENT_LINK, String.class);
        String orderNumber = exchange.getMessage().getHeader(ConnectHeaders.SHOP_ORDER_NUMBER, String.class);
        TestRecipients test = exchange.getMessage().getHeader(ConnectHeaders.TEST_RECIPIENTS, TestRecipients.class);
        String recipient = test != null ? test.phone() : invoice.payerPhone();
        if (recipient == null && test == null) {
            throw new PermanentDeliveryException("NO_RECIPIENT", "payerPhone is empty: nothing to send to", null);
        }
        MessageRenderer.RenderedSms sms = getEndpoint().getComponent().renderer()
                .sms(getEndpoint().getTemplate(), invoice, link, orderNumber, recipient);
        boolean send = !dryRun && recipient != null;
        if (send) {
            gateway.send(recipient, sms.text());
        }
        return new Rendered(sms.preview(), sms.text().partCount(), send);
    }
}
