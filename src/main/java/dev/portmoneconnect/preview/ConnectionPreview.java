package dev.portmoneconnect.preview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portmoneconnect.mapping.FieldError;
import dev.portmoneconnect.flow.Invoice;

import java.util.List;
import java.util.Map;

/**
 * What a connection would do with some records, computed without sending or changing anything.
 *
 * @param source where the records came from: {@code sample} (the request's own) or the source's scheme, such as {@code inbox}
 */
public record ConnectionPreview(String connection, String source, List<RecordPreview> records) {

    /**
     * One record's preview.
     *
     * @param sourceId        where the record lives in its source, null for a sample
     * @param recordKey       the key the ledger would keep it under
     * @param errors          every field the mapping refused, with the reason; empty when valid
     * @param invoice         the mapped invoice, null when invalid
     * @param shopOrderNumber the order number Portmone would get
     * @param ledgerStatus    what the ledger already holds for the record (DELIVERED: a run would skip it), or null
     * @param portmoneRequest the signed createLinkPayment request (no signing key, no password), null when invalid
     * @param link            the placeholder that stands for the payment link in the messages
     * @param messages        each delivery step's message, rendered by the templates delivery uses
     */
    public record RecordPreview(String sourceId, Map<String, Object> fields, String recordKey, boolean valid,
                                List<FieldError> errors, Invoice invoice, String shopOrderNumber, String ledgerStatus,
                                JsonNode portmoneRequest, String link, List<MessagePreview> messages) {
    }

    /**
     * One delivery step's message.
     *
     * @param to       the recipient, null when the record has none for this channel
     * @param subject  the e-mail's subject (e-mail only)
     * @param body     the e-mail's HTML or the SMS text
     * @param parts    SMS parts (1 for an e-mail)
     * @param encoding SMS encoding: GSM-7 or UCS-2 (SMS only)
     * @param error    why the message cannot be rendered, for example a missing template
     */
    public record MessagePreview(String channel, String template, String to, String subject, String body,
                                 Integer parts, String encoding, String error) {
    }
}
