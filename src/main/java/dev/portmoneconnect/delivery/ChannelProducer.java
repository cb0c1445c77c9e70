package dev.portmoneconnect.delivery;

import dev.portmoneconnect.flow.ChannelDelivered;
import dev.portmoneconnect.flow.ConnectHeaders;
import dev.portmoneconnect.connection.TestRecipients;
import org.apache.camel.Exchange;
import dev.portmoneconnect.flow.Invoice;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Sends the payment link by one channel, once per record. A channel that has already delivered the
 * record's link (header {@link ConnectHeaders#DELIVERED}, which {@code ledger:guard} fills from
 * the ledger) is skipped; a successful send is announced at once, so that a record retried after a
 * later channel failed is not sent again by this one. The rendered messages of all channels build
 * up in {@link ConnectHeaders#DELIVERY_PREVIEW}.
 */
abstract class ChannelProducer extends DefaultProducer {

    static final String PREVIEW_SEPARATOR = "\n\n----\n\n";

    ChannelProducer(DeliveryEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public DeliveryEndpoint getEndpoint() {
        return (DeliveryEndpoint) super.getEndpoint();
    }

    /** Renders the message for the invoice in the body and, unless this is a dry run, sends it. */
    protected abstract Rendered deliver(Exchange exchange, boolean dryRun) throws Exception;

    @Override
    public final void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String channel = getEndpoint().getChannel();
        Set<String> delivered = parse(in.getHeader(ConnectHeaders.DELIVERED, String.class));
        if (delivered.contains(channel)) {
            return;
        }
        boolean dryRun = getEndpoint().getComponent().config().dryRun()
                || in.getHeader(ConnectHeaders.DRY_RUN, false, Boolean.class);
        if (!dryRun) {
            getEndpoint().getComponent().fence().proveHeld(exchange);
        }
        long started = System.nanoTime();
        Rendered message = deliver(exchange, dryRun);
        if (message.sent()) {
            getEndpoint().getComponent().metrics().delivery(in.getHeader(ConnectHeaders.CONNECTION_ID, String.class),
                    channel, Duration.ofNanos(System.nanoTime() - started));
        }

        String earlier = in.getHeader(ConnectHeaders.DELIVERY_PREVIEW, String.class);
        String preview = earlier == null || earlier.isBlank() ? message.preview()
                : earlier + PREVIEW_SEPARATOR + message.preview();
        Integer earlierParts = in.getHeader(ConnectHeaders.DELIVERY_PARTS, Integer.class);
        int parts = earlierParts == null ? message.parts() : Math.max(earlierParts, message.parts());
        in.setHeader(ConnectHeaders.DELIVERY_PREVIEW, preview);
        in.setHeader(ConnectHeaders.DELIVERY_PARTS, parts);
        if (message.sent()) {
            delivered.add(channel);
            String channels = String.join(",", delivered);
            in.setHeader(ConnectHeaders.DELIVERED, channels);
            getEndpoint().getComponent().announce(new ChannelDelivered(
                    in.getHeader(ConnectHeaders.LEDGER_ID, Long.class), channels, preview, parts));
        }
    }

    /**
     * Reads what one channel sends and to whom: the payer's address, or in a test send the tester's
     * (a test send without an address for this channel sends nothing by it).
     *
     * @param payerAddress the invoice field this channel delivers to
     * @param testAddress  the test recipient's address for this channel
     * @param field        the invoice field's name, for the error when the payer has no address
     */
    static Outgoing outgoing(Exchange exchange, Function<Invoice, String> payerAddress,
                           Function<TestRecipients, String> testAddress, String field) throws InvalidPayloadException {
        Message in = exchange.getMessage();
        Invoice invoice = in.getMandatoryBody(Invoice.class);
        TestRecipients test = in.getHeader(ConnectHeaders.TEST_RECIPIENTS, TestRecipients.class);
        String recipient = test != null ? testAddress.apply(test) : payerAddress.apply(invoice);
        if (recipient == null && test == null) {
            throw new PermanentDeliveryException("NO_RECIPIENT", field + " is empty: nothing to send to", null);
        }
        Map<String, ?> extra = in.getHeader(ConnectHeaders.MESSAGE_DATA, Map.class);
        return new Outgoing(invoice, in.getHeader(ConnectHeaders.PAYMENT_LINK, String.class),
                in.getHeader(ConnectHeaders.SHOP_ORDER_NUMBER, String.class), recipient,
                extra == null ? Map.of() : extra);
    }

    /**
     * What a channel sends: the invoice, its link and order number, the recipient (null: nobody),
     * and more values for the template ({@link ConnectHeaders#MESSAGE_DATA}).
     */
    record Outgoing(Invoice invoice, String link, String orderNumber, String recipient, Map<String, ?> extra) {
    }

    private static Set<String> parse(String channels) {
        Set<String> set = new TreeSet<>();
        if (channels != null) {
            Arrays.stream(channels.split(",")).map(String::strip).filter(c -> !c.isEmpty()).forEach(set::add);
        }
        return set;
    }

    /**
     * One channel's message as rendered.
     *
     * @param preview what is (or in a dry run would be) sent, for the ledger
     * @param parts   the messages it takes: SMS parts, 1 for an e-mail
     * @param sent    whether it went out (not in a dry run)
     */
    record Rendered(String preview, int parts, boolean sent) {
    }
}
