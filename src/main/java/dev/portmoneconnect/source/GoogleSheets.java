package dev.portmoneconnect.source;

import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesResponse;
import com.google.api.services.sheets.v4.model.ValueRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.google.sheets.GoogleSheetsComponent;
import org.apache.camel.component.google.sheets.GoogleSheetsConfiguration;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Sheets calls a run makes, through Camel's google-sheets component: a values read at the start,
 * and, when outcomes are to be written back, another read and one values batch update at the end;
 * each backed off on quota errors.
 */
@ApplicationScoped
public class GoogleSheets {

    static final String READ = "google-sheets://data/get";
    static final String BATCH_UPDATE = "google-sheets://data/batchUpdate";
    private static final String ARG = "CamelGoogleSheets.";

    @Inject
    CamelContext camel;

    @Inject
    ProducerTemplate template;

    @Inject
    GoogleSheetsConfig config;

    @Inject
    Clock clock;

    /** The range's values as stored: numbers as numbers, dates as serial numbers. */
    public ValueRange read(String spreadsheetId, String range) {
        requireCredentials();
        Map<String, Object> args = new LinkedHashMap<>();
        args.put(ARG + "spreadsheetId", spreadsheetId);
        args.put(ARG + "range", range);
        args.put(ARG + "majorDimension", "ROWS");
        args.put(ARG + "valueRenderOption", "UNFORMATTED_VALUE");
        args.put(ARG + "dateTimeRenderOption", "SERIAL_NUMBER");
        return retry().call("reading " + range, () -> call(READ, args, ValueRange.class));
    }

    /** Writes all the ranges in one call, as typed (no formulas are evaluated). */
    public BatchUpdateValuesResponse write(String spreadsheetId, List<ValueRange> data) {
        requireCredentials();
        Map<String, Object> args = new LinkedHashMap<>();
        args.put(ARG + "spreadsheetId", spreadsheetId);
        args.put(ARG + "batchUpdateValuesRequest",
                new BatchUpdateValuesRequest().setValueInputOption("RAW").setData(data));
        return retry().call("writing outcomes back", () -> call(BATCH_UPDATE, args, BatchUpdateValuesResponse.class));
    }

    QuotaRetry retry() {
        return new QuotaRetry(config.quota(), clock, duration -> Thread.sleep(duration.toMillis()));
    }

    private <T> T call(String uri, Map<String, Object> args, Class<T> type) throws Exception {
        Exchange exchange = template.send(uri, e -> e.getMessage().setHeaders(new LinkedHashMap<>(args)));
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return exchange.getMessage().getMandatoryBody(type);
    }

    /** Camel would refuse to create its endpoint; this says which settings are missing instead. */
    private void requireCredentials() {
        GoogleSheetsConfiguration c = camel.getComponent("google-sheets", GoogleSheetsComponent.class).getConfiguration();
        boolean oauth = notBlank(c.getClientId()) && notBlank(c.getClientSecret());
        if (!oauth && !notBlank(c.getServiceAccountKey())) {
            throw new SheetSourceException("No Google credentials: set GOOGLE_SHEETS_SERVICE_ACCOUNT_KEY (path of a"
                    + " service-account key file), or GOOGLE_SHEETS_CLIENT_ID, GOOGLE_SHEETS_CLIENT_SECRET and"
                    + " GOOGLE_SHEETS_REFRESH_TOKEN");
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
