package dev.portmoneconnect.support;

import java.util.List;

/** The secrets configured for tests; none may ever appear in logs, API answers or pages. */
public final class TestSecrets {

    public static final String PORTMONE_PASSWORD = "pm-password-Qw9173";
    public static final String SMTP_PASSWORD = "smtp-password-Lk5520";
    public static final String WEBHOOK_TOKEN = "hook-token-Vb3398";
    public static final String WEBHOOK_SECRET = "hook-secret-Pz7731";
    /** SMPP allows passwords of at most 8 characters. */
    public static final String SMPP_PASSWORD = "Sm7pQx2z";
    public static final String SMS_GATEWAY_TOKEN = "sms-token-Jd6641";
    public static final String GOOGLE_CLIENT_SECRET = "google-client-secret-Tn4461";
    public static final String GOOGLE_ACCESS_TOKEN = "ya29.google-access-token-Rw2087";

    /** The packaged application's API token and dashboard login (the other tests run with both open). */
    public static final String API_TOKEN = "api-token-Hr2275";
    public static final String DASHBOARD_USER = "operator";
    public static final String DASHBOARD_PASSWORD = "dash-password-Pe4419";
    public static final String ORDERS_API_KEY = "orders-api-key-Mc5804";

    private TestSecrets() {
    }

    public static List<String> all() {
        return List.of(FakePortmone.SIGNING_KEY, PORTMONE_PASSWORD, SMTP_PASSWORD, WEBHOOK_TOKEN, SMPP_PASSWORD,
                SMS_GATEWAY_TOKEN, GOOGLE_CLIENT_SECRET, GOOGLE_ACCESS_TOKEN, WEBHOOK_SECRET, API_TOKEN,
                DASHBOARD_PASSWORD, ORDERS_API_KEY);
    }
}
