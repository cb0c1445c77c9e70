package dev.portmoneconnect.flow;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One invoice to create in Portmone, built from one source record by a connection's mapping.
 *
 * @param recordKey   identity of the source record within its connection (never a row number)
 * @param payerName   full name of the payer, shown on the receipt
 * @param payerEmail  e-mail address the payment link is sent to (may be null for SMS-only delivery)
 * @param payerPhone  phone number in {@code 380XXXXXXXXX} form (may be null for e-mail delivery)
 * @param amount      amount in hryvnias, positive, at most two decimals
 * @param currency    ISO currency code, {@code UAH} unless the mapping says otherwise
 * @param description what the payer pays for
 * @param language    payer's language: {@code uk}, {@code en} or {@code ru}
 */
public record Invoice(String recordKey, String payerName, String payerEmail, String payerPhone,
                      BigDecimal amount, String currency, String description, String language) {

    /** The amount exactly as Portmone receives and signs it: two decimals, dot separator. */
    public String billAmount() {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    public Invoice withPayerEmail(String email) {
        return new Invoice(recordKey, payerName, email, payerPhone, amount, currency, description, language);
    }

    public Invoice withPayerPhone(String phone) {
        return new Invoice(recordKey, payerName, payerEmail, phone, amount, currency, description, language);
    }
}
