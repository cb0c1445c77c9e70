package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.flow.PersonalData;
import dev.portmoneconnect.payments.PaymentRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the queued outcomes of a connection into its sheet at the end of a run. People may have
 * sorted, inserted or deleted rows while the run went on, so it first reads the range again and
 * finds each record's row in what the sheet holds now (by key column, or by content); the cells of
 * all records then go in one values batch update. An outcome whose row is gone is not written
 * anywhere: the run shows it as {@value #NOT_WRITTEN_BACK}. The cells show what the ledger holds
 * now. A read or write that fails keeps the queue, so the next run writes those rows too.
 */
@ApplicationScoped
public class SheetWriteBack {

    /** The outcome word of a run's note that a record's outcome found no row to be written into. */
    public static final String NOT_WRITTEN_BACK = "NOT_WRITTEN_BACK";
    static final String STEP = "write-back";

    @Inject
    SheetWriteBackQueue queue;

    @Inject
    LedgerRepository ledger;

    @Inject
    GoogleSheets sheets;

    @Inject
    UnsettledRows rows;

    @Inject
    PaymentRepository payments;

    /** Where and what to write, and the run that writes it. */
    public record Target(String connectionId, String runId, String spreadsheetId, String range,
                         SheetTable.Layout layout, WriteBackCells.Columns columns, ZoneId zone) {
    }

    public void flush(Target target) {
        List<SheetWriteBackQueue.Queued> queued = queue.queued(target.connectionId());
        if (queued.isEmpty()) {
            return;
        }
        long lastId = queued.get(queued.size() - 1).id();
        Set<String> keys = new LinkedHashSet<>();
        queued.forEach(q -> keys.add(q.recordKey()));
        List<LedgerRecord> outcomes = ledger.findAll(target.connectionId(), keys).values().stream()
                .filter(o -> WriteBackCells.status(o) != null).toList();
        if (outcomes.isEmpty()) {
            queue.removeUpTo(target.connectionId(), lastId);
            return;
        }
        SheetTable table;
        try {
            table = SheetTable.of(sheets.read(target.spreadsheetId(), target.range()), target.layout());
        } catch (SheetSourceException e) {
            Log.warnf("Connection %s could not read its sheet again to write outcomes back; the next run tries"
                    + " again: %s", target.connectionId(), e.getMessage());
            return;
        }
        List<String> missing = target.columns().names().stream()
                .filter(name -> !name.equals(target.columns().paidAt()))
                .filter(name -> !table.columns().containsKey(name)).toList();
        if (!missing.isEmpty()) {
            Log.warnf("Connection %s writes outcomes back, but the header row has no column %s: add %s to the"
                    + " sheet's header row", target.connectionId(), missing, missing.size() == 1 ? "it" : "them");
        }
        Map<String, Integer> rowByKey = new HashMap<>();
        for (SheetTable.SheetRow row : rows.identified(target.connectionId(), table)) {
            rowByKey.putIfAbsent(row.key(), row.number());
        }
        Map<Long, Instant> paidAt = table.columns().containsKey(target.columns().paidAt())
                ? payments.paidAt(outcomes.stream().map(LedgerRecord::id).toList()) : Map.of();
        WriteBackCells.Cells cells = WriteBackCells.of(table, rowByKey, outcomes, target.columns(), target.zone(),
                paidAt);
        try {
            if (!cells.ranges().isEmpty()) {
                sheets.write(target.spreadsheetId(), cells.ranges());
                Log.infof("Connection %s wrote the outcomes of %d records back into the sheet (%d ranges)",
                        target.connectionId(), outcomes.size() - cells.notFound().size(), cells.ranges().size());
            }
            queue.removeUpTo(target.connectionId(), lastId);
        } catch (SheetSourceException e) {
            Log.warnf("Connection %s could not write outcomes back into the sheet; the next run tries again: %s",
                    target.connectionId(), e.getMessage());
            return;
        }
        for (LedgerRecord gone : cells.notFound()) {
            String why = notFound(table.keyColumn(), gone);
            Log.warnf("Connection %s: %s", target.connectionId(), PersonalData.mask(why));
            ledger.addAttempt(gone.id(), target.runId(), target.connectionId(), gone.recordKey(), gone.sourceId(),
                    NOT_WRITTEN_BACK,
                    new LedgerRepository.Failure(STEP, table.keyColumn(), null, why));
        }
    }

    private static String notFound(String keyColumn, LedgerRecord outcome) {
        String shown = "its outcome (" + WriteBackCells.status(outcome) + ") was not written into the sheet";
        String key = outcome.recordKey();
        int duplicate = key.indexOf(DuplicateRows.DUPLICATE_MARK);
        if (keyColumn == null) {
            return "the row was changed or deleted before " + shown;
        }
        if (duplicate > 0) {
            return "the row that repeated " + keyColumn + " " + key.substring(0, duplicate)
                    + " was changed or deleted before " + shown;
        }
        return "no row has " + keyColumn + " " + key + " any more: " + shown;
    }
}
