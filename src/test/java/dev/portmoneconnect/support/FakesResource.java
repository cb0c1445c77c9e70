package dev.portmoneconnect.support;

import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Starts the fake Portmone gateway, the fake Google Sheets API, a real SMTP server (GreenMail), an
 * SMS centre speaking SMPP, an HTTP SMS gateway and a shop's orders API for the application under
 * test, and points the application at them (and at a schema of the PostgreSQL test server standing
 * for a shop's database). SMPP is the configured SMS gateway; routes reach the HTTP one with
 * {@code delivery:sms?gateway=http}.
 */
public class FakesResource implements QuarkusTestResourceLifecycleManager {

    /** Everything a @QuarkusTest application logs (set in the test profile), searched by the secrets test. */
    public static final String LOG_FILE = "target/quarkus-test.log";

    /** The spreadsheet the example sheet connection reads in tests. */
    public static final String SHEET_ORDERS_SPREADSHEET = "1sheetOrdersFakeSpreadsheetId";

    /** The drop folder of the example file connection (routes/file-orders.camel.yaml) in tests. */
    public static final java.nio.file.Path FILE_ORDERS_DIRECTORY = java.nio.file.Path.of("target", "file-drop",
            "file-orders").toAbsolutePath();

    /** The schema of the embedded PostgreSQL server that stands for a shop's database (connect.databases.shop). */
    public static final String SHOP_DATABASE_SCHEMA = "shop_orders";

    /** Set by the failsafe plugin, which runs the tests of the packaged application. */
    static final String PACKAGED_APP_TEST = "portmone-connect.packaged-app-test";

    private FakePortmone portmone;
    private QuickGreenMail mail;
    private FakeSmsc smsc;
    private FakeSmsGateway smsGateway;

    private FakeSheets sheets;
    private FakeOrdersApi ordersApi;

    @Override
    public Map<String, String> start() {
        try {
            portmone = new FakePortmone();
            sheets = new FakeSheets();
            ordersApi = new FakeOrdersApi(TestSecrets.ORDERS_API_KEY);
            int smtpPort = FreePort.any();
            mail = new QuickGreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.setUser("mailer", TestSecrets.SMTP_PASSWORD);
            mail.start();
            smsc = new FakeSmsc(TestSecrets.SMPP_PASSWORD);
            smsGateway = new FakeSmsGateway(TestSecrets.SMS_GATEWAY_TOKEN);
            Map<String, String> config = new HashMap<>();
            if (Boolean.getBoolean(PACKAGED_APP_TEST)) {
                // a database file of its own, not the operator's data/ folder
                config.put("quarkus.datasource.jdbc.url", "jdbc:sqlite:target/it-db/" + UUID.randomUUID()
                        + "/portmone-connect.db");
                // the packaged application runs protected, as in production; @QuarkusTests call the API openly
                config.put("connect.security.api-token", TestSecrets.API_TOKEN);
                config.put("connect.security.basic.username", TestSecrets.DASHBOARD_USER);
                config.put("connect.security.basic.password", TestSecrets.DASHBOARD_PASSWORD);
            }
            config.put("portmone.accounts.shop.url", portmone.url());
            config.put("portmone.accounts.shop.payee-id", FakePortmone.PAYEE_ID);
            config.put("portmone.accounts.shop.login", FakePortmone.LOGIN);
            config.put("portmone.accounts.shop.password", TestSecrets.PORTMONE_PASSWORD);
            config.put("portmone.accounts.shop.signing-key", FakePortmone.SIGNING_KEY);
            config.put("portmone.accounts.shop.timeout", "2s");
            // tests ask for status polls themselves; the "ticker" account shows the schedule at work
            config.put("portmone.accounts.shop.status-poll", "0");
            config.put("portmone.accounts.flaky.status-poll", "0");
            for (String account : new String[]{"bulk", "ticker"}) {
                config.put("portmone.accounts." + account + ".url", portmone.url());
                config.put("portmone.accounts." + account + ".payee-id", FakePortmone.PAYEE_ID);
                config.put("portmone.accounts." + account + ".login", FakePortmone.LOGIN);
                config.put("portmone.accounts." + account + ".password", TestSecrets.PORTMONE_PASSWORD);
                config.put("portmone.accounts." + account + ".signing-key", FakePortmone.SIGNING_KEY);
                config.put("portmone.accounts." + account + ".timeout", "2s");
            }
            config.put("portmone.accounts.bulk.status-poll", "0");
            config.put("portmone.accounts.ticker.status-poll", "1s");
            config.put("portmone.accounts.ticker.link-lifetime", "3");
            config.put("portmone.accounts.flaky.url", portmone.url());
            config.put("portmone.accounts.flaky.payee-id", FakePortmone.PAYEE_ID);
            config.put("portmone.accounts.flaky.login", FakePortmone.LOGIN);
            config.put("portmone.accounts.flaky.signing-key", FakePortmone.SIGNING_KEY);
            config.put("portmone.accounts.flaky.timeout", "400ms");
            config.put("connections.flaky-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.exactly-once.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.takeover-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.healing-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.corpus-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.test-orders.webhook-secret", TestSecrets.WEBHOOK_SECRET);
            config.put("delivery.mail.host", "127.0.0.1");
            config.put("delivery.mail.port", String.valueOf(smtpPort));
            config.put("delivery.mail.username", "mailer");
            config.put("delivery.mail.password", TestSecrets.SMTP_PASSWORD);
            config.put("delivery.mail.from", "invoices@shop.example");
            config.put("delivery.sms.gateway", "smpp");
            config.put("delivery.sms.timeout", "3s");
            config.put("delivery.sms.smpp.host", "127.0.0.1");
            config.put("delivery.sms.smpp.port", String.valueOf(smsc.port()));
            config.put("delivery.sms.smpp.system-id", FakeSmsc.SYSTEM_ID);
            config.put("delivery.sms.smpp.password", TestSecrets.SMPP_PASSWORD);
            config.put("delivery.sms.smpp.source-address", FakeSmsGateway.SENDER);
            config.put("delivery.sms.http.url", smsGateway.url());
            config.put("delivery.sms.http.token", TestSecrets.SMS_GATEWAY_TOKEN);
            config.put("delivery.sms.http.sender", FakeSmsGateway.SENDER);
            config.put("connections.landing-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.landing-orders-sms.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.test-orders-sms.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.test-orders-sms-http.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.test-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.chain-a.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.preview-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.preview-orders-sms.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.sched-every.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.pay-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.ticker-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.due-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("connections.sum-orders.webhook-token", TestSecrets.WEBHOOK_TOKEN);
            config.put("google.sheets.root-url", sheets.rootUrl());
            config.put("camel.component.google-sheets.client-id", "portmone-connect-tests.apps.googleusercontent.com");
            config.put("camel.component.google-sheets.client-secret", TestSecrets.GOOGLE_CLIENT_SECRET);
            config.put("camel.component.google-sheets.access-token", TestSecrets.GOOGLE_ACCESS_TOKEN);
            config.put("connections.sheet-orders.spreadsheet-id", SHEET_ORDERS_SPREADSHEET);
            config.put("connections.file-orders.directory", FILE_ORDERS_DIRECTORY.toString());
            config.put("connections.api-orders.url", ordersApi.url() + "?status=pending");
            config.put("connections.api-orders.token", TestSecrets.ORDERS_API_KEY);
            config.put("connections.api-orders.order-url", ordersApi.url() + "/{key}");
            config.put("connect.databases.shop.url", ShopDatabase.url(SHOP_DATABASE_SCHEMA));
            config.put("connect.databases.shop.username", ShopDatabase.USER);
            config.put("connect.databases.shop.password", ShopDatabase.PASSWORD);
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the fakes", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(portmone, new TestInjector.MatchesType(FakePortmone.class));
        injector.injectIntoFields(mail, new TestInjector.MatchesType(QuickGreenMail.class));
        injector.injectIntoFields(smsc, new TestInjector.MatchesType(FakeSmsc.class));
        injector.injectIntoFields(smsGateway, new TestInjector.MatchesType(FakeSmsGateway.class));
        injector.injectIntoFields(sheets, new TestInjector.MatchesType(FakeSheets.class));
        injector.injectIntoFields(ordersApi, new TestInjector.MatchesType(FakeOrdersApi.class));
    }

    @Override
    public void stop() {
        if (smsGateway != null) {
            smsGateway.close();
        }
        if (smsc != null) {
            try {
                smsc.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (mail != null) {
            mail.stop();
        }
        if (portmone != null) {
            portmone.close();
        }
        if (sheets != null) {
            sheets.close();
        }
        if (ordersApi != null) {
            ordersApi.close();
        }
    }
}
