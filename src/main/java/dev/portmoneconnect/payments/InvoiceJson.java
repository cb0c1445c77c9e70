package dev.portmoneconnect.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.flow.Invoice;

/** The mapped invoice as the ledger keeps it, read back. */
public final class InvoiceJson {

    private InvoiceJson() {
    }

    /** @return the invoice, or null when none was kept or it cannot be read */
    public static Invoice read(ObjectMapper json, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, Invoice.class);
        } catch (Exception e) {
            return null;
        }
    }
}
