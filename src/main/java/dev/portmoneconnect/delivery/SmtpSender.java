package dev.portmoneconnect.delivery;

import jakarta.mail.util.StreamProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.eclipse.angus.mail.util.MailStreamProvider;

import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The one SMTP sender of the app, through Camel's mail component, configured from
 * {@code delivery.mail.*}. Every {@code delivery:email} endpoint sends through it; it is made
 * at the first message, so connections that only preview, run dry or send SMS never set up
 * Jakarta Mail.
 */
final class SmtpSender extends ServiceSupport {

    private final MailEndpoint smtp;
    private final ScheduledThreadPoolExecutor writeTimeouts;
    private Producer producer;

    SmtpSender(CamelContext camel, DeliveryConfig.Mail mail) {
        nameStreamProvider();
        String protocol = mail.ssl() ? "smtps" : "smtp";
        MailComponent component = camel.getComponent(protocol, MailComponent.class);
        MailConfiguration configuration = component.getConfiguration().copy();
        configuration.configureProtocol(protocol);
        configuration.setHost(mail.host());
        configuration.setPort(mail.port());
        mail.username().ifPresent(configuration::setUsername);
        mail.password().ifPresent(configuration::setPassword);
        configuration.setFrom(mail.from());
        configuration.setConnectionTimeout(mail.timeoutMillis());
        Properties extra = new Properties();
        extra.setProperty("mail." + protocol + ".timeout", String.valueOf(mail.timeoutMillis()));
        extra.setProperty("mail." + protocol + ".writetimeout", String.valueOf(mail.timeoutMillis()));
        // without a shared executor, the write timeout starts a new thread for every connection, that is every message
        writeTimeouts = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "smtp-write-timeout");
            t.setDaemon(true);
            return t;
        });
        // each write schedules a timeout and cancels it when done: drop cancelled ones at once, not when they are due
        writeTimeouts.setRemoveOnCancelPolicy(true);
        extra.put("mail." + protocol + ".executor.writetimeout", writeTimeouts);
        if (mail.starttls()) {
            extra.setProperty("mail.smtp.starttls.enable", "true");
            extra.setProperty("mail.smtp.starttls.required", "true");
        }
        configuration.setAdditionalJavaMailProperties(extra);
        smtp = new MailEndpoint(protocol + "://" + mail.host() + ":" + mail.port(), component, configuration);
        smtp.setCamelContext(camel);
        smtp.setBinding(new EmailProducer.PaymentLinkBinding(mail.from()));
    }

    /**
     * Jakarta Mail looks its stream provider up with a ServiceLoader scan of the class path each
     * time it encodes or decodes a header (every non-ASCII subject, twice per message) unless a
     * system property names it. This names the one that scan finds anyway.
     */
    static void nameStreamProvider() {
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        }
    }

    Exchange createExchange() {
        return smtp.createExchange();
    }

    /** Hands the message to the mail server; a failure is left on the exchange. */
    void send(Exchange mail) {
        try {
            producer.process(mail);
        } catch (Exception e) {
            mail.setException(e);
        }
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(smtp);
        producer = smtp.createProducer();
        ServiceHelper.startService(producer);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(producer, smtp);
        writeTimeouts.shutdownNow();
    }
}
