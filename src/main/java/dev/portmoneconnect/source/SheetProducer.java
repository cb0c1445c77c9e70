package dev.portmoneconnect.source;

import com.google.api.services.sheets.v4.model.ValueRange;
import dev.portmoneconnect.flow.ConnectHeaders;
import io.quarkus.logging.Log;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.SynchronizationAdapter;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * One run's read of the sheet: reads the range once, turns rows into records and keeps those the
 * connection has not settled. When the run writes back, the write is hooked to the end of the
 * run's exchange, after every record has gone through the route; it reads the sheet again then, so
 * each outcome lands on the row that holds its record at that moment.
 */
public class SheetProducer extends DefaultProducer {

    private volatile Set<String> mappedFields;

    public SheetProducer(SheetEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SheetEndpoint getEndpoint() {
        return (SheetEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        SheetEndpoint endpoint = getEndpoint();
        SheetComponent component = endpoint.getComponent();
        Message in = exchange.getMessage();
        String connectionId = endpoint.getConnectionId() == null || endpoint.getConnectionId().isBlank()
                ? in.getHeader(ConnectHeaders.CONNECTION_ID, String.class) : endpoint.getConnectionId();
        String runId = in.getHeader(ConnectHeaders.RUN_ID, String.class);
        boolean dryRun = in.getHeader(ConnectHeaders.DRY_RUN, false, Boolean.class);
        Set<?> replayKeys = in.getHeader(ConnectHeaders.REPLAY_KEYS, Set.of(), Set.class);
        boolean test = in.getHeader(ConnectHeaders.TEST, false, Boolean.class);
        if (test) {
            // a test send carries the one record under test; the sheet's rows stay for real runs
            return;
        }
        String spreadsheetId = endpoint.getSpreadsheetId();
        if (spreadsheetId == null || spreadsheetId.isBlank()) {
            throw new SheetSourceException("sheet:" + connectionId + " has no spreadsheetId: set it in the route"
                    + " or in the setting the route refers to");
        }

        long started = System.nanoTime();
        ValueRange read = component.sheets().read(spreadsheetId, endpoint.getRange());
        long readNanos = System.nanoTime() - started;
        SheetTable.Layout layout = endpoint.layout(mappedFields(exchange));
        SheetTable table = SheetTable.of(read, layout);
        if (!table.rowsWithoutKey().isEmpty()) {
            Log.infof("Sheet of %s: rows %s have no %s yet and wait until they do", connectionId,
                    table.rowsWithoutKey(), endpoint.getKeyColumn());
        }
        if (!table.missingDateColumns().isEmpty()) {
            Log.warnf("Sheet of %s: date columns %s are not in the header row", connectionId,
                    table.missingDateColumns());
        }
        List<SourceRecord> records = component.unsettled().select(
                new UnsettledRows.Run(connectionId, runId, endpoint.firstRunMode(), dryRun, replayKeys, test), table);
        Log.infof("Sheet of %s: %d rows read in %d ms (%d blank skipped), %d to process, selected in %d ms",
                connectionId, table.rows().size(), readNanos / 1_000_000, table.blankRows(), records.size(),
                (System.nanoTime() - started - readNanos) / 1_000_000);

        boolean writeBack = endpoint.isWriteBack() && !dryRun && !test;
        component.runs().started(connectionId, runId, writeBack, test);
        SheetWriteBack.Target target = new SheetWriteBack.Target(connectionId, runId, spreadsheetId,
                endpoint.getRange(), layout, endpoint.writeBackColumns(), ZoneId.of(endpoint.getTimeZone()));
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                component.runs().ended(connectionId, runId);
                if (writeBack) {
                    try {
                        component.writeBack().flush(target);
                    } catch (RuntimeException e) {
                        Log.warnf(e, "Connection %s could not write outcomes back; the next run tries again",
                                connectionId);
                    }
                }
            }
        });
        in.setBody(records);
    }

    /** The fields the route's mapping reads, found once: the route does not change while it runs. */
    private Set<String> mappedFields(Exchange exchange) {
        Set<String> fields = mappedFields;
        if (fields == null) {
            fields = MappedFields.of(exchange.getContext(), exchange.getFromRouteId());
            mappedFields = fields;
        }
        return fields;
    }
}
