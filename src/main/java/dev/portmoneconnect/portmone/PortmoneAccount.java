package dev.portmoneconnect.portmone;

import java.time.Duration;

/** One merchant account, resolved from configuration. {@link #toString()} never shows the secrets. */
public record PortmoneAccount(String name, String payeeId, String login, String password, String signingKey,
                              String url, Duration connectTimeout, Duration timeout, String successUrl,
                              String failureUrl, int linkLifetime) {

    static PortmoneAccount from(String name, PortmoneConfig.Account config) {
        return new PortmoneAccount(name, config.payeeId(), config.login(), config.password().orElse(null),
                config.signingKey(), config.url(), config.connectTimeout(), config.timeout(),
                config.successUrl().orElse(""), config.failureUrl().orElse(""), config.linkLifetime());
    }

    @Override
    public String toString() {
        return "PortmoneAccount[name=" + name + ", payeeId=" + payeeId + ", url=" + url + "]";
    }
}
