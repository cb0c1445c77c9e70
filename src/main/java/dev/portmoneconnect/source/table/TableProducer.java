package dev.portmoneconnect.source.table;

import dev.portmoneconnect.connection.ConnectHeaders;
import dev.portmoneconnect.ledger.Failures;
import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.source.CursorValue;
import dev.portmoneconnect.source.FirstRun;
import dev.portmoneconnect.source.RunSettlements;
import dev.portmoneconnect.source.SourceCursors;
import dev.portmoneconnect.source.SourceOutcome;
import io.quarkus.logging.Log;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.SynchronizationAdapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run's read of a shop's table: the rows after the cursor, in cursor order. When the run ends,
 * the cursor moves over the rows, from the first on, whose outcome the ledger holds, each written
 * back first when the endpoint writes back. A row the ledger does not hold stops it: that row and
 * those after it are read again by the next run, and the ledger keeps them from being invoiced twice.
 */
public class TableProducer extends DefaultProducer {

    /** Where a connection that invoices every row starts: before the first row. */
    static final CursorValue START = new CursorValue("start", "");

    public TableProducer(TableEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public TableEndpoint getEndpoint() {
        return (TableEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        if (in.getHeader(ConnectHeaders.TEST, false, Boolean.class)) {
            // a test send carries the one record under test; the table's rows stay for real runs
            return;
        }
        TableEndpoint endpoint = getEndpoint();
        TableComponent component = endpoint.getComponent();
        String connectionId = connectionId(endpoint, in.getHeader(ConnectHeaders.CONNECTION_ID, String.class));
        boolean dryRun = in.getHeader(ConnectHeaders.DRY_RUN, false, Boolean.class);
        Optional<SourceCursors.Position> at = component.cursors().find(connectionId);
        if (at.isEmpty() && endpoint.firstRunMode() == FirstRun.NEW) {
            if (!dryRun) {
                SourceCursors.Position start = latest(endpoint);
                component.cursors().save(connectionId, start);
                Log.infof("First run of %s: the rows already in %s are taken as handled (cursor at %s); rows added"
                        + " from now on will be invoiced", connectionId, endpoint.getTable(), start.position().text());
            }
            in.setBody(List.of());
            return;
        }
        List<TableRow> rows = read(endpoint, at.orElse(null), endpoint.getBatchSize());
        Log.infof("Table %s of %s: %d rows after the cursor", endpoint.getTable(), connectionId, rows.size());
        if (!dryRun) {
            RunSettlements.Run settled = component.settlements().open(connectionId);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange done) {
                    try {
                        advance(connectionId, rows, settled);
                    } catch (RuntimeException e) {
                        Log.warnf("Connection %s could not move its cursor; the next run reads the same rows again"
                                + " (the ledger keeps them from being invoiced twice): %s", connectionId, e.getMessage());
                    } finally {
                        component.settlements().close(connectionId, settled);
                    }
                }

                @Override
                public void onFailure(Exchange done) {
                    component.settlements().close(connectionId, settled);
                }
            });
        }
        in.setBody(new ArrayList<>(rows.stream().map(TableRow::record).toList()));
    }

    static String connectionId(TableEndpoint endpoint, String running) {
        return endpoint.getConnectionId() == null || endpoint.getConnectionId().isBlank() ? running
                : endpoint.getConnectionId();
    }

    /** The rows after a position (all rows from the start when there is none), in cursor order. */
    static List<TableRow> read(TableEndpoint endpoint, SourceCursors.Position at, int limit) {
        TableQueries queries = endpoint.queries();
        TableQueries limited = new TableQueries(queries.table(), queries.columns(), queries.where(),
                queries.cursorColumn(), queries.keyColumn(), limit);
        boolean fromStart = at == null || START.type().equals(at.position().type());
        TableQueries.Statement statement = fromStart ? limited.after(null, null)
                : limited.after(at.position().value(), at.key() == null ? null : at.key().value());
        List<TableRow> rows = new ArrayList<>();
        for (Map<String, Object> row : endpoint.getComponent().shopTable().select(endpoint.getDatabase(), statement)) {
            rows.add(TableRow.of(queries.table(), row, queries.cursorColumn(), queries.keyColumn()));
        }
        return rows;
    }

    /** The last row of the table now, or the start when it is empty. */
    private static SourceCursors.Position latest(TableEndpoint endpoint) {
        TableQueries queries = endpoint.queries();
        List<Map<String, Object>> last = endpoint.getComponent().shopTable().select(endpoint.getDatabase(),
                queries.last());
        if (last.isEmpty()) {
            return new SourceCursors.Position(START, null);
        }
        Object position = TableRow.column(last.get(0), "cursor_position");
        Object key = TableRow.column(last.get(0), "cursor_key");
        return new SourceCursors.Position(CursorValue.of(position), queries.cursorIsKey() ? null : CursorValue.of(key));
    }

    private void advance(String connectionId, List<TableRow> rows, RunSettlements.Run settled) {
        TableEndpoint endpoint = getEndpoint();
        TableComponent component = endpoint.getComponent();
        List<String> keys = rows.stream().map(r -> ledgerKey(r, settled)).toList();
        Map<String, LedgerRecord> outcomes = component.ledger().findAll(connectionId, keys);
        TableRow last = null;
        int written = 0;
        for (TableRow row : rows) {
            LedgerRecord outcome = outcomes.get(ledgerKey(row, settled));
            if (outcome == null) {
                Log.infof("Connection %s: row %s of %s has no outcome yet; the next run reads it again", connectionId,
                        row.keyText(), endpoint.getTable());
                break;
            }
            if (endpoint.writesBack()) {
                if (!writeBack(endpoint, row, outcome)) {
                    break;
                }
                written++;
            }
            last = row;
        }
        if (written > 0) {
            Log.infof("Connection %s wrote the outcomes of %d rows back into %s", connectionId, written,
                    endpoint.getTable());
        }
        if (last != null) {
            boolean cursorIsKey = endpoint.queries().cursorIsKey();
            component.cursors().save(connectionId, new SourceCursors.Position(CursorValue.of(last.position()),
                    cursorIsKey ? null : CursorValue.of(last.key())));
        }
    }

    private static String ledgerKey(TableRow row, RunSettlements.Run settled) {
        String key = settled.keyOf(row.record().sourceId());
        return key != null ? key : row.keyText();
    }

    /**
     * Writes a row's outcome into the shop's table. A database out of reach stops the cursor there
     * (the row is written by the next run); a row the database refuses is left as it is.
     */
    private static boolean writeBack(TableEndpoint endpoint, TableRow row, LedgerRecord outcome) {
        try {
            endpoint.getComponent().shopTable().update(endpoint.getDatabase(), endpoint.writeBack(
                    outcome.paymentLink(), SourceOutcome.status(outcome), SourceOutcome.reason(outcome), row.key()));
            return true;
        } catch (ShopDatabaseException e) {
            if (Failures.isTransient(e)) {
                Log.warnf("Database %s is out of reach: outcomes are written back by the next run (%s)",
                        endpoint.getDatabase(), e.getMessage());
                return false;
            }
            Log.warnf("Row %s of %s: its outcome cannot be written back and is left out: %s", row.keyText(),
                    endpoint.getTable(), e.getMessage());
            return true;
        }
    }
}
