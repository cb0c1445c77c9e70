package dev.portmoneconnect.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** {@code delivery.*}: dry run, and how e-mail leaves the app. */
@ConfigMapping(prefix = "delivery")
public interface DeliveryConfig {

    /** Do everything but call Portmone and send messages; the ledger keeps what would have been sent. */
    @WithDefault("false")
    boolean dryRun();

    Mail mail();

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
}
