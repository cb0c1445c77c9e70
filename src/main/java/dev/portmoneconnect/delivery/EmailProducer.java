package dev.portmoneconnect.delivery;

import dev.portmoneconnect.flow.PersonalData;
import dev.portmoneconnect.connection.TestRecipients;
import dev.portmoneconnect.flow.Invoice;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mail.MailBinding;
import org.apache.camel.component.mail.MailEndpoint;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * E-mails the payment link through Camel's SMTP component ({@link SmtpSender}). The message is built
 * on a fresh exchange so that none of the route's headers (links, requests, keys) become mail headers.
 */
public class EmailProducer extends ChannelProducer {

    /**
     * The Date header (RFC 5322). Set here, because otherwise the mail sender formats the date
     * with Jakarta Mail's MailDateFormat, a SimpleDateFormat with a Calendar of its own for every message.
     */
    static final DateTimeFormatter MAIL_DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);

    public EmailProducer(DeliveryEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected Rendered deliver(Exchange exchange, boolean dryRun) throws Exception {
        Outgoing message = outgoing(exchange, Invoice::payerEmail, TestRecipients::email, "payerEmail");
        String recipient = message.recipient();
        MessageRenderer.RenderedEmail email = getEndpoint().getComponent().renderer()
                .email(getEndpoint().getTemplate(), message.invoice(), message.link(), message.orderNumber(), recipient,
                        message.extra());
        boolean send = !dryRun && recipient != null;
        if (send) {
            send(recipient, email.subject(), email.html());
        }
        return new Rendered(email.preview(), 1, send);
    }

    private void send(String recipient, String subject, String body) throws Exception {
        SmtpSender smtp = getEndpoint().getComponent().smtpSender();
        Exchange mail = smtp.createExchange();
        mail.getMessage().setHeader("To", recipient);
        mail.getMessage().setHeader("Subject", subject);
        mail.getMessage().setHeader("Date", MAIL_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        mail.getMessage().setBody(body);
        smtp.send(mail);
        if (mail.getException() != null) {
            throw classify(mail.getException(), recipient);
        }
    }

    /**
     * Fills the message from what {@link #send} sets (recipient, subject, date, HTML body) and the
     * configured sender, instead of Camel's general mapping, which looks at every header of the
     * exchange and takes a good share of the CPU a message costs. The message is the same: the
     * addresses parsed as Camel parses them, subject and body in UTF-8, {@code text/html}.
     */
    static final class PaymentLinkBinding extends MailBinding {

        private final InternetAddress from;
        private final AddressException invalidFrom;

        PaymentLinkBinding(String from) {
            InternetAddress address = null;
            AddressException invalid = null;
            try {
                address = utf8(new InternetAddress(from));
            } catch (AddressException e) {
                invalid = e;
            }
            this.from = address;
            this.invalidFrom = invalid;
        }

        @Override
        public void populateMailMessage(MailEndpoint endpoint, MimeMessage message, Exchange exchange)
                throws MessagingException, java.io.IOException {
            if (invalidFrom != null) {
                throw invalidFrom;
            }
            Message in = exchange.getIn();
            message.setFrom(from);
            message.setRecipient(jakarta.mail.Message.RecipientType.TO, utf8(new InternetAddress(in.getHeader("To", String.class))));
            message.setSubject(in.getHeader("Subject", String.class), "UTF-8");
            message.setHeader("Date", in.getHeader("Date", String.class));
            // as Camel sets it: the transfer encoding is then chosen from the bytes, not by writing the text out
            message.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                    in.getBody(String.class), "text/html; charset=UTF-8")));
        }

        private static InternetAddress utf8(InternetAddress address) {
            if (address.getPersonal() != null) {
                try {
                    address.setPersonal(address.getPersonal(), "UTF-8");
                } catch (java.io.UnsupportedEncodingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return address;
        }
    }

    /** SMTP 5xx and refused recipients will fail again; 4xx and connection trouble may pass later. */
    static DeliveryException classify(Throwable failure, String recipient) {
        String who = PersonalData.maskEmail(recipient);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPAddressFailedException address) {
                return byCode(address.getReturnCode(), "recipient " + who + " refused: " + address.getMessage(), failure);
            }
            if (t instanceof SMTPSendFailedException send) {
                return byCode(send.getReturnCode(), "mail server refused the message: " + send.getMessage(), failure);
            }
            if (t instanceof AuthenticationFailedException) {
                return new PermanentDeliveryException("SMTP_AUTH_FAILED",
                        "mail server refused the login: check delivery.mail.username and password", failure);
            }
            if (t instanceof SendFailedException send && send.getInvalidAddresses() != null
                    && send.getInvalidAddresses().length > 0) {
                return new PermanentDeliveryException("INVALID_RECIPIENT", "recipient " + who + " is invalid", failure);
            }
        }
        String reason = failure instanceof MessagingException m && m.getNextException() != null
                ? m.getMessage() + ": " + m.getNextException().getMessage() : String.valueOf(failure.getMessage());
        return new TransientDeliveryException("SMTP_UNAVAILABLE", "mail server not reachable: " + reason, failure);
    }

    private static DeliveryException byCode(int code, String message, Throwable cause) {
        String smtpCode = "SMTP_" + code;
        return code >= 500 ? new PermanentDeliveryException(smtpCode, message, cause)
                : new TransientDeliveryException(smtpCode, message, cause);
    }
}
