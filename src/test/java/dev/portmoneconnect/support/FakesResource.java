package dev.portmoneconnect.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the fake Portmone gateway and a real SMTP server (GreenMail) for the application under
 * test, and points the application at them.
 */
public class FakesResource implements QuarkusTestResourceLifecycleManager {

    private FakePortmone portmone;
    private GreenMail mail;

    @Override
    public Map<String, String> start() {
        try {
            portmone = new FakePortmone();
            int smtpPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                smtpPort = socket.getLocalPort();
            }
            mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.setUser("mailer", TestSecrets.SMTP_PASSWORD);
            mail.start();
            Map<String, String> config = new HashMap<>();
            config.put("portmone.accounts.shop.url", portmone.url());
            config.put("portmone.accounts.shop.payee-id", FakePortmone.PAYEE_ID);
            config.put("portmone.accounts.shop.login", FakePortmone.LOGIN);
            config.put("portmone.accounts.shop.password", TestSecrets.PORTMONE_PASSWORD);
            config.put("portmone.accounts.shop.signing-key", FakePortmone.SIGNING_KEY);
            config.put("portmone.accounts.shop.timeout", "2s");
            config.put("delivery.mail.host", "127.0.0.1");
            config.put("delivery.mail.port", String.valueOf(smtpPort));
            config.put("delivery.mail.username", "mailer");
            config.put("delivery.mail.password", TestSecrets.SMTP_PASSWORD);
            config.put("delivery.mail.from", "invoices@shop.example");
            config.put("connections.landing-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.test-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.chain-a.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.sched-every.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the fakes", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(portmone, new TestInjector.MatchesType(FakePortmone.class));
        injector.injectIntoFields(mail, new TestInjector.MatchesType(GreenMail.class));
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.stop();
        }
        if (portmone != null) {
            portmone.close();
        }
    }
}
