package dev.portmoneconnect.portmone;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Merchant accounts by name: {@code portmone.accounts.<name>.payee-id|login|password|signing-key|url}. */
@ConfigMapping(prefix = "portmone")
public interface PortmoneConfig {

    String GATEWAY = "https://www.portmone.com.ua/gateway/";

    Map<String, Account> accounts();

    interface Account {

        /** The merchant id issued by Portmone support. */
        String payeeId();

        /** Login to the merchant's business cabinet. */
        String login();

        /** Password to the business cabinet; used by {@code result} and {@code closeInvoice}. */
        Optional<String> password();

        /** The secret that signs {@code createLinkPayment}. */
        String signingKey();

        /** Gateway address; the trailing slash matters. */
        @WithDefault(GATEWAY)
        String url();

        @WithDefault("10s")
        Duration connectTimeout();

        /** How long to wait for Portmone's answer before the call counts as failed. */
        @WithDefault("30s")
        Duration timeout();

        /** Where Portmone sends the payer after paying. */
        Optional<String> successUrl();

        /** Where Portmone sends the payer after a failed payment. */
        Optional<String> failureUrl();

        /** Seconds a payment link stays payable. */
        @WithDefault("86400")
        int linkLifetime();

        /**
         * How often the payment status of the account's open invoices is asked of Portmone
         * ({@code result}); zero leaves it to notifications and {@code POST /api/payments/poll}.
         */
        @WithDefault("15m")
        Duration statusPoll();
    }
}
