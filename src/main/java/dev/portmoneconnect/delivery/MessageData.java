package dev.portmoneconnect.delivery;

import dev.portmoneconnect.flow.Invoice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a message template can use: {@code payerName}, {@code money} (the amount and currency as the
 * payer's language writes them, {@code 1 250,50 грн}), {@code amount} and {@code currency} as Portmone
 * has them ({@code 1250.50}, {@code UAH}), {@code description}, {@code link}, {@code orderNumber} and
 * {@code recordKey}.
 */
final class MessageData {

    private MessageData() {
    }

    static Map<String, Object> of(Invoice invoice, String paymentLink, String orderNumber) {
        return of(invoice, paymentLink, orderNumber, Map.of());
    }

    /** The invoice's values, and more (a payment's dates, say) that never replace them. */
    static Map<String, Object> of(Invoice invoice, String paymentLink, String orderNumber, Map<String, ?> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payerName", invoice.payerName());
        data.put("amount", invoice.billAmount());
        data.put("currency", invoice.currency());
        data.put("money", MoneyText.of(invoice.amount(), invoice.currency(), invoice.language()));
        data.put("description", invoice.description() == null ? "" : invoice.description());
        data.put("link", paymentLink);
        data.put("orderNumber", orderNumber);
        data.put("recordKey", invoice.recordKey());
        extra.forEach(data::putIfAbsent);
        return data;
    }
}
