package dev.portmoneconnect.delivery;

import dev.portmoneconnect.delivery.sms.SmsText;
import dev.portmoneconnect.flow.Invoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Renders the payment-link messages from the editable templates. Delivery sends what this renders,
 * and preview shows it, so what an operator previews is what a payer gets.
 */
@ApplicationScoped
public class MessageRenderer {

    @Inject
    TemplateStore templates;

    /** {@code templates/email/<template>.<lang>.subject} and {@code .html}. */
    public RenderedEmail email(String template, Invoice invoice, String link, String orderNumber, String recipient) {
        return email(template, invoice, link, orderNumber, recipient, Map.of());
    }

    /** @param extra more values the template can use, such as a payment's dates */
    public RenderedEmail email(String template, Invoice invoice, String link, String orderNumber, String recipient,
                               Map<String, ?> extra) {
        Map<String, Object> data = MessageData.of(invoice, link, orderNumber, extra);
        String subject = templates.render("email", template, invoice.language(), "subject", data).strip();
        String body = templates.render("email", template, invoice.language(), "html", data);
        return new RenderedEmail(recipient, subject, body);
    }

    /**
     * {@code templates/sms/<template>.<lang>.txt}, encoded and split into parts that never cut the link.
     *
     * @throws PermanentDeliveryException SMS_TOO_LONG when the text needs more parts than SMS allows
     */
    public RenderedSms sms(String template, Invoice invoice, String link, String orderNumber, String recipient) {
        return sms(template, invoice, link, orderNumber, recipient, Map.of());
    }

    /** @param extra more values the template can use, such as a payment's dates */
    public RenderedSms sms(String template, Invoice invoice, String link, String orderNumber, String recipient,
                           Map<String, ?> extra) {
        String body = templates.render("sms", template, invoice.language(), "txt",
                MessageData.of(invoice, link, orderNumber, extra)).strip();
        try {
            return new RenderedSms(recipient, SmsText.of(body, link));
        } catch (IllegalArgumentException tooLong) {
            throw new PermanentDeliveryException("SMS_TOO_LONG", tooLong.getMessage(), tooLong);
        }
    }

    /**
     * An e-mail as it is (or would be) sent.
     *
     * @param to the address, or null when there is nobody to mail
     */
    public record RenderedEmail(String to, String subject, String html) {

        /** The message as the ledger keeps it. */
        public String preview() {
            return "To: " + (to == null ? "nobody (no test e-mail address was given)" : to)
                    + "\nSubject: " + subject + "\n\n" + html;
        }
    }

    /**
     * An SMS as it is (or would be) sent.
     *
     * @param to the phone, {@code 380XXXXXXXXX}, or null when there is nobody to text
     */
    public record RenderedSms(String to, SmsText text) {

        /** The message as the ledger keeps it. */
        public String preview() {
            return "SMS to: " + (to == null ? "nobody (no test phone was given)" : to)
                    + "\nParts: " + text.partCount() + " (" + text.encoding().label() + ")\n\n" + text.text();
        }
    }
}
