package dev.portmoneconnect.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.flow.Invoice;
import dev.portmoneconnect.payments.InvoiceJson;
import dev.portmoneconnect.payments.Money;
import dev.portmoneconnect.payments.Payment;
import dev.portmoneconnect.payments.PaymentRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One invoice and its payment status, as {@code GET /api/invoices} lists it.
 *
 * @param openSeconds how long an open invoice has waited for its payment; null once it is not open
 * @param test        made by a test send
 */
public record InvoiceView(long recordId, String connection, String recordKey, String orderNumber, String paymentLink,
                          String payerName, String payerEmail, String payerPhone, String description,
                          BigDecimal amount, String currency, String status, Instant invoicedAt, Instant expiresAt,
                          Instant paidAt, BigDecimal paidAmount, String billId, Long openSeconds, boolean test) {

    /** The CSV columns, in order. */
    static final List<String> COLUMNS = List.of("recordId", "connection", "recordKey", "orderNumber", "status",
            "amount", "currency", "paidAmount", "paidAt", "billId", "invoicedAt", "expiresAt", "openSeconds",
            "payerName", "payerEmail", "payerPhone", "description", "paymentLink", "test");

    static InvoiceView of(PaymentRepository.Invoiced row, ObjectMapper json, Instant now) {
        Payment p = row.payment();
        Invoice invoice = InvoiceJson.read(json, row.invoiceJson());
        return new InvoiceView(p.recordId(), p.connectionId(), p.recordKey(), p.shopOrderNumber(), row.paymentLink(),
                invoice == null ? null : invoice.payerName(), invoice == null ? null : invoice.payerEmail(),
                invoice == null ? null : invoice.payerPhone(), invoice == null ? null : invoice.description(),
                Money.ofMinor(p.amountMinor()), invoice == null ? "UAH" : invoice.currency(), p.status().name(),
                p.invoicedAt(), p.expiresAt(), p.paidAt(), p.paidMinor() == null ? null : Money.ofMinor(p.paidMinor()),
                p.billId(), p.status().isOpen() ? Math.max(0, now.getEpochSecond() - p.invoicedAt().getEpochSecond()) : null,
                p.testSend());
    }

    /** The row as the CSV writes it: every value as text, text that a spreadsheet would run as a formula quoted. */
    Map<String, Object> csvRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("recordId", recordId);
        row.put("connection", connection);
        row.put("recordKey", text(recordKey));
        row.put("orderNumber", orderNumber);
        row.put("status", status);
        row.put("amount", amount.toPlainString());
        row.put("currency", currency);
        row.put("paidAmount", paidAmount == null ? "" : paidAmount.toPlainString());
        row.put("paidAt", paidAt == null ? "" : paidAt.toString());
        row.put("billId", text(billId));
        row.put("invoicedAt", invoicedAt.toString());
        row.put("expiresAt", expiresAt.toString());
        row.put("openSeconds", openSeconds == null ? "" : openSeconds.toString());
        row.put("payerName", text(payerName));
        row.put("payerEmail", text(payerEmail));
        row.put("payerPhone", text(payerPhone));
        row.put("description", text(description));
        row.put("paymentLink", text(paymentLink));
        row.put("test", String.valueOf(test));
        return row;
    }

    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
