package dev.portmoneconnect.delivery;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The e-mail as the SMTP server receives it: sender, recipient, subject, date and HTML body. */
class EmailBindingTest {

    @Test
    void buildsTheMessageFromTheRecipientSubjectDateAndBody() throws Exception {
        MimeMessage message = build("Магазин <invoices@shop.example>", "ivan@example.com");

        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("invoices@shop.example");
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Магазин");
        assertThat(message.getRecipients(RecipientType.TO)).extracting(Object::toString).containsExactly("ivan@example.com");
        assertThat(message.getSubject()).isEqualTo("Рахунок на 1250.50 UAH");
        assertThat(message.getSentDate()).isEqualTo(java.util.Date.from(ZonedDateTime.of(2026, 3, 5, 9, 7, 1, 0,
                ZoneOffset.UTC).toInstant()));
        assertThat(message.getHeader("Date", null)).isEqualTo("Thu, 5 Mar 2026 09:07:01 +0000");
        assertThat(message.getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat((String) message.getContent()).isEqualTo("<p>Сплатіть: <a href=\"https://pay.example/1\">link</a></p>");

        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        message.writeTo(wire);
        String sent = wire.toString(StandardCharsets.US_ASCII);
        assertThat(sent).contains("MIME-Version: 1.0").contains("Subject: =?UTF-8?");
    }

    @Test
    void anInvalidRecipientFailsTheSendAsCamelWould() {
        assertThatThrownBy(() -> build("invoices@shop.example", "not an address"))
                .isInstanceOf(AddressException.class);
    }

    @Test
    void anInvalidSenderFailsEachSendNotTheStart() {
        EmailProducer.PaymentLinkBinding binding = new EmailProducer.PaymentLinkBinding("bad <address");
        assertThatThrownBy(() -> binding.populateMailMessage(null, new MimeMessage(Session.getInstance(new Properties())),
                exchange("ivan@example.com"))).isInstanceOf(AddressException.class);
    }

    private static MimeMessage build(String from, String to) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        new EmailProducer.PaymentLinkBinding(from).populateMailMessage(null, message, exchange(to));
        message.saveChanges();
        return message;
    }

    private static Exchange exchange(String to) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader("To", to);
        exchange.getIn().setHeader("Subject", "Рахунок на 1250.50 UAH");
        exchange.getIn().setHeader("Date", EmailProducer.MAIL_DATE.format(ZonedDateTime.of(2026, 3, 5, 9, 7, 1, 0,
                ZoneOffset.UTC)));
        exchange.getIn().setBody("<p>Сплатіть: <a href=\"https://pay.example/1\">link</a></p>");
        return exchange;
    }
}
