package dev.portmoneconnect.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the fake Portmone gateway, the fake Google Sheets API and a real SMTP server (GreenMail)
 * for the application under test, and points the application at them.
 */
public class FakesResource implements QuarkusTestResourceLifecycleManager {

    /** The spreadsheet the example sheet connection reads in tests. */
    public static final String SHEET_ORDERS_SPREADSHEET = "1sheetOrdersFakeSpreadsheetId";

    private FakePortmone portmone;
    private GreenMail mail;
    private FakeSheets sheets;

    @Override
    public Map<String, String> start() {
        try {
            portmone = new FakePortmone();
            sheets = new FakeSheets();
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
            config.put("google.sheets.root-url", sheets.rootUrl());
            config.put("camel.component.google-sheets.client-id", "portmone-connect-tests.apps.googleusercontent.com");
            config.put("camel.component.google-sheets.client-secret", TestSecrets.GOOGLE_CLIENT_SECRET);
            config.put("camel.component.google-sheets.access-token", TestSecrets.GOOGLE_ACCESS_TOKEN);
            config.put("connections.sheet-orders.spreadsheet-id", SHEET_ORDERS_SPREADSHEET);
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the fakes", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(portmone, new TestInjector.MatchesType(FakePortmone.class));
        injector.injectIntoFields(mail, new TestInjector.MatchesType(GreenMail.class));
        injector.injectIntoFields(sheets, new TestInjector.MatchesType(FakeSheets.class));
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.stop();
        }
        if (portmone != null) {
            portmone.close();
        }
        if (sheets != null) {
            sheets.close();
        }
    }
}
