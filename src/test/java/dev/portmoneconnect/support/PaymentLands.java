package dev.portmoneconnect.support;

import dev.portmoneconnect.payments.PaymentRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A step the reminder test route puts between the selection of an invoice and its guard
 * ({@code process: ref: paymentLands}): it lets a test make a payer pay at exactly that moment.
 */
@ApplicationScoped
@Named("paymentLands")
public class PaymentLands implements Processor {

    private final Map<String, Runnable> payments = new ConcurrentHashMap<>();

    /** When the route reaches the invoice of this order, the payment lands. */
    public void when(String orderNumber, Runnable pay) {
        payments.put(orderNumber, pay);
    }

    @Override
    public void process(Exchange exchange) {
        PaymentRecord record = exchange.getMessage().getBody(PaymentRecord.class);
        Runnable pay = record == null ? null : payments.remove(record.orderNumber());
        if (pay != null) {
            pay.run();
        }
    }
}
