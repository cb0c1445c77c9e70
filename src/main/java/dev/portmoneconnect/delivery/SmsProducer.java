package dev.portmoneconnect.delivery;

import dev.portmoneconnect.connection.ConnectHeaders;
import dev.portmoneconnect.delivery.sms.SmsGateway;
import dev.portmoneconnect.delivery.sms.SmsText;
import dev.portmoneconnect.mapping.Invoice;
import dev.portmoneconnect.mapping.PhoneNumber;
import org.apache.camel.Exchange;

/**
 * Texts the payment link from the editable template {@code templates/sms/<name>.<lang>.txt},
 * through the SMPP or HTTP gateway. The text is encoded and split by {@link SmsText}; the part
 * count goes to the ledger.
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
        String recipient = invoice.payerPhone();
        // A test send goes to the tester: by SMS when the tester gave a phone, otherwise not at all.
        String testRecipient = exchange.getMessage().getHeader(ConnectHeaders.TEST_RECIPIENT, String.class);
        if (testRecipient != null) {
            recipient = PhoneNumber.normalise(testRecipient);
        }
        if (recipient == null && testRecipient == null) {
            throw new PermanentDeliveryException("NO_RECIPIENT", "payerPhone is empty: nothing to send to", null);
        }
        String body = getEndpoint().getComponent().templates().render("sms", getEndpoint().getTemplate(),
                invoice.language(), "txt", MessageData.of(invoice, link, orderNumber)).strip();
        SmsText text;
        try {
            text = SmsText.of(body, link);
        } catch (IllegalArgumentException tooLong) {
            throw new PermanentDeliveryException("SMS_TOO_LONG", tooLong.getMessage(), tooLong);
        }
        boolean send = !dryRun && recipient != null;
        if (send) {
            gateway.send(recipient, text);
        }
        return new Rendered("SMS to: " + (recipient == null ? "nobody (the test recipient is not a phone)" : recipient)
                + "\nParts: " + text.partCount() + " (" + text.encoding().label() + ")\n\n" + text.text(),
                text.partCount(), send);
    }
}
