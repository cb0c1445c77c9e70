package dev.portmoneconnect.source;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.SheetsScopes;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.CamelContext;
import org.apache.camel.component.google.sheets.BatchGoogleSheetsClientFactory;
import org.apache.camel.support.ResourceHelper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;

/**
 * Builds the Google Sheets client of Camel's google-sheets component against the configured root
 * URL, for OAuth client credentials and for service-account keys alike. A service-account key may be
 * given as a plain file path. Set as the component's {@code client-factory}.
 */
@Singleton
@Named("googleSheetsClientFactory")
public class ConfiguredSheetsClientFactory extends BatchGoogleSheetsClientFactory {

    private final HttpTransport transport;
    private final JsonFactory jsonFactory;
    private final String rootUrl;

    @Inject
    public ConfiguredSheetsClientFactory(GoogleSheetsConfig config) {
        this(new NetHttpTransport(), GsonFactory.getDefaultInstance(), config.rootUrl());
    }

    private ConfiguredSheetsClientFactory(HttpTransport transport, JsonFactory jsonFactory, String rootUrl) {
        super(transport, jsonFactory);
        this.transport = transport;
        this.jsonFactory = jsonFactory;
        this.rootUrl = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
    }

    @Override
    protected void configure(Sheets.Builder builder) {
        builder.setRootUrl(rootUrl);
    }

    /**
     * Like Camel's own, with the root URL applied and the spreadsheets scope by default. The access
     * token is fetched on the first call, not here: creating a client needs no network.
     */
    @Override
    public Sheets makeClient(CamelContext camelContext, String serviceAccountKey, Collection<String> scopes,
                             String applicationName, String delegate) {
        if (serviceAccountKey == null || serviceAccountKey.isBlank()) {
            throw new IllegalArgumentException("serviceAccountKey is required to create a Google Sheets client");
        }
        String resource = serviceAccountKey.startsWith("file:") || serviceAccountKey.startsWith("classpath:")
                ? serviceAccountKey : "file:" + serviceAccountKey;
        try (InputStream key = ResourceHelper.resolveMandatoryResourceAsInputStream(camelContext, resource)) {
            GoogleCredentials credentials = GoogleCredentials.fromStream(key);
            credentials = credentials.createScoped(scopes == null || scopes.isEmpty() ? List.of(SheetsScopes.SPREADSHEETS)
                    : scopes);
            if (delegate != null && !delegate.isBlank()) {
                credentials = credentials.createDelegated(delegate);
            }
            Sheets.Builder builder = new Sheets.Builder(transport, jsonFactory, new HttpCredentialsAdapter(credentials))
                    .setApplicationName(applicationName);
            configure(builder);
            return builder.build();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the Google service-account key " + serviceAccountKey
                    + ": " + e.getMessage());
        }
    }
}
