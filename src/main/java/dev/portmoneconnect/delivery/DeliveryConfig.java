package dev.portmoneconnect.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code delivery.*}: dry run, and how e-mail and SMS leave the app. */
@ConfigMapping(prefix = "delivery")
public interface DeliveryConfig {

    /** Do everything but call Portmone and send messages; the ledger keeps what would have been sent. */
    @WithDefault("false")
    boolean dryRun();

    Mail mail();

    Sms sms();

    /** Folder of the editable e-mail and SMS texts. */
    @WithDefault("templates")
    String templates();

    interface Mail {

        @WithDefault("localhost")
        String host();

        @WithDefault("25")
        int port();

        Optional<String> username();

        Optional<String> password();

        @WithDefault("invoices@localhost")
        String from();

        @WithDefault("false")
        boolean starttls();

        /** Use SMTPS (TLS from the first byte) instead of plain SMTP. */
        @WithDefault("false")
        boolean ssl();

        @WithDefault("15000")
        int timeoutMillis();
    }

    interface Sms {

        /** {@code smpp} or {@code http}; a route can choose otherwise with {@code delivery:sms?gateway=}. */
        @WithDefault("smpp")
        String gateway();

        /** How long to wait for the gateway to answer a message (and, over HTTP, to connect). */
        @WithDefault("15s")
        Duration timeout();

        Smpp smpp();

        Http http();

        /** An operator's SMS centre, reached by SMPP 3.4 as a transmitter. */
        interface Smpp {

            @WithDefault("localhost")
            String host();

            @WithDefault("2775")
            int port();

            Optional<String> systemId();

            Optional<String> password();

            /** The sender shown to the payer: a number or an alphanumeric name of up to 11 characters. */
            Optional<String> sourceAddress();
        }

        /** An SMS provider's HTTP JSON API (TurboSMS's by default, see {@code TurboSmsApi}). */
        interface Http {

            /** Base URL, for example {@code https://api.turbosms.ua}. */
            Optional<String> url();

            /** Bearer token of the provider account. */
            Optional<String> token();

            /** The sender name registered with the provider. */
            Optional<String> sender();
        }
    }
}
