package dev.portmoneconnect.source.table;

import dev.portmoneconnect.flow.ConnectHeaders;
import dev.portmoneconnect.ledger.Failures;
import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.source.CursorValue;
import dev.portmoneconnect.source.FirstRun;
import dev.portmoneconnect.source.RunSettlements;
import dev.portmoneconnect.source.SourceCursors;
import dev.portmoneconnect.source.SourceOutcome;
import dev.portmoneconnect.source.SourceRecord;
import io.quarkus.logging.Log;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        Set<?> replayKeys = in.getHeader(ConnectHeaders.REPLAY_KEYS, Set.of(), Set.class);
        List<TableRow> replayed = replayKeys.isEmpty() ? List.of() : replayed(endpoint, at.orElse(null), replayKeys,
                rows);
        if (!dryRun) {
            component.settlements().follow(exchange, connectionId, settled -> {
                try {
                    advance(connectionId, rows, settled);
                    if (endpoint.writesBack()) {
                        writeBackReplayed(connectionId, replayed, settled);
                    }
                } catch (RuntimeException e) {
                    Log.warnf("Connection %s could not move its cursor; the next run reads the same rows again"
                            + " (the ledger keeps them from being invoiced twice): %s", connectionId, e.getMessage());
                }
            }, () -> { });
        }
        List<SourceRecord> records = new ArrayList<>(rows.stream().map(TableRow::record).toList());
        replayed.forEach(r -> records.add(r.record()));
        in.setBody(records);
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

    /**
     * The rows a replay gives another go, read again by key (they are behind the cursor). Keys are
     * bound as the type the cursor knows them as.
     */
    private static List<TableRow> replayed(TableEndpoint endpoint, SourceCursors.Position at, Set<?> replayKeys,
                                           List<TableRow> read) {
        TableQueries queries = endpoint.queries();
        CursorValue typed = at == null ? null : queries.cursorIsKey() ? at.position() : at.key();
        if (typed == null || START.type().equals(typed.type())) {
            Log.warnf("Replay of %s: the type of %s is not known yet; the rows are read again by a later run",
                    endpoint.getTable(), queries.keyColumn());
            return List.of();
        }
        Set<String> alreadyRead = new java.util.HashSet<>(read.stream().map(TableRow::keyText).toList());
        List<Object> keys = replayKeys.stream().map(String::valueOf).filter(k -> !alreadyRead.contains(k))
                .map(k -> new CursorValue(typed.type(), k).value()).toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        List<TableRow> rows = new ArrayList<>();
        for (Map<String, Object> row : endpoint.getComponent().shopTable().select(endpoint.getDatabase(),
                queries.byKeys(keys))) {
            rows.add(TableRow.of(queries.table(), row, queries.cursorColumn(), queries.keyColumn()));
        }
        return rows;
    }

    private void writeBackReplayed(String connectionId, List<TableRow> replayed, RunSettlements.Run settled) {
        if (replayed.isEmpty()) {
            return;
        }
        TableEndpoint endpoint = getEndpoint();
        Map<String, LedgerRecord> outcomes = endpoint.getComponent().ledger().findAll(connectionId,
                replayed.stream().map(r -> ledgerKey(r, settled)).toList());
        for (TableRow row : replayed) {
            LedgerRecord outcome = outcomes.get(ledgerKey(row, settled));
            if (outcome != null) {
                writeBack(endpoint, row, outcome);
            }
        }
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
