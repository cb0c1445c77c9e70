package dev.portmoneconnect.payments;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.portmoneconnect.flow.Invoice;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One invoice as a {@code payments:} source gives it to its connection's steps: the invoice, its
 * link and where its payment stands. Delivery steps read it as the {@link Invoice} it was made from;
 * marshalled to JSON it is what an {@code http:} step posts to a CRM.
 *
 * @param recordId   the invoice's ledger record
 * @param connection the connection that made the invoice
 * @param kind       what the source selected it as: unpaid, paid or expired
 * @param followUp   the follow-up it is selected for
 */
@RegisterForReflection
public record PaymentRecord(long recordId, String connection, String recordKey, String orderNumber,
                            String paymentLink, String payerName, String payerEmail, String payerPhone,
                            String description, BigDecimal amount, String currency, String language, String status,
                            Instant invoicedAt, Instant expiresAt, Instant paidAt, BigDecimal paidAmount, String billId,
                            String kind, String followUp) {

    static PaymentRecord of(PaymentRepository.Invoiced row, Invoice invoice, String kind, String followUp) {
        Payment p = row.payment();
        return new PaymentRecord(p.recordId(), p.connectionId(), p.recordKey(), p.shopOrderNumber(), row.paymentLink(),
                invoice == null ? null : invoice.payerName(), invoice == null ? null : invoice.payerEmail(),
                invoice == null ? null : invoice.payerPhone(), invoice == null ? null : invoice.description(),
                Money.ofMinor(p.amountMinor()), invoice == null ? "UAH" : invoice.currency(),
                invoice == null ? "uk" : invoice.language(), p.status().name(), p.invoicedAt(), p.expiresAt(),
                p.paidAt(), p.paidMinor() == null ? null : Money.ofMinor(p.paidMinor()), p.billId(), kind, followUp);
    }

    /** The invoice the payer got, for the delivery steps. */
    @JsonIgnore
    public Invoice invoice() {
        return new Invoice(recordKey, payerName, payerEmail, payerPhone, amount, currency, description, language);
    }
}
