package dev.portmoneconnect.support;


import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the packaged app's shipped connections talk to in a test: a fake Portmone and a real SMTP
 * server (GreenMail), with the settings that point the app at them and the webhook tokens the
 * tests use.
 */
public final class ShippedAppFakes implements AutoCloseable {

    public final FakePortmone portmone;
    public final QuickGreenMail mail;

    private ShippedAppFakes(FakePortmone portmone, QuickGreenMail mail) {
        this.portmone = portmone;
        this.mail = mail;
    }

    public static ShippedAppFakes start() throws IOException {
        return new ShippedAppFakes(new FakePortmone(), QuickGreenMail.started("mailer", TestSecrets.SMTP_PASSWORD));
    }

    /** The app's settings for these fakes; a test adds its own. */
    public Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("portmone.accounts.shop.url", portmone.url());
        settings.put("portmone.accounts.shop.payee-id", FakePortmone.PAYEE_ID);
        settings.put("portmone.accounts.shop.login", FakePortmone.LOGIN);
        settings.put("portmone.accounts.shop.signing-key", FakePortmone.SIGNING_KEY);
        settings.put("delivery.mail.host", "127.0.0.1");
        settings.put("delivery.mail.port", String.valueOf(mail.port()));
        settings.put("delivery.mail.username", "mailer");
        settings.put("delivery.mail.password", TestSecrets.SMTP_PASSWORD);
        settings.put("connections.landing-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
        settings.put("connections.landing-orders-sms.webhook-token", TestSecrets.WEBHOOK_TOKEN);
        return settings;
    }

    @Override
    public void close() {
        mail.stop();
        portmone.close();
    }
}
