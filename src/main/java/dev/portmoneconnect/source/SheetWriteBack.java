package dev.portmoneconnect.source;

import com.google.api.services.sheets.v4.model.ValueRange;
import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.payments.PaymentRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the queued outcomes of a connection into its sheet with one values batch update at the
 * end of a run. The cells show what the ledger holds now. A write that fails keeps the queue, so
 * the next run writes those rows too.
 */
@ApplicationScoped
public class SheetWriteBack {

    @Inject
    SheetWriteBackQueue queue;

    @Inject
    LedgerRepository ledger;

    @Inject
    GoogleSheets sheets;

    @Inject
    PaymentRepository payments;

    /** Where and what to write. */
    public record Target(String connectionId, String spreadsheetId, SheetTable table, WriteBackCells.Columns columns,
                         ZoneId zone) {
    }

    public void flush(Target target) {
        List<SheetWriteBackQueue.Queued> queued = queue.queued(target.connectionId());
        if (queued.isEmpty()) {
            return;
        }
        List<String> missing = target.columns().names().stream()
                .filter(name -> !name.equals(target.columns().paidAt()))
                .filter(name -> !target.table().columns().containsKey(name)).toList();
        if (!missing.isEmpty()) {
            Log.warnf("Connection %s writes outcomes back, but the header row has no column %s: add %s to the"
                    + " sheet's header row", target.connectionId(), missing, missing.size() == 1 ? "it" : "them");
        }
        Set<String> keys = new LinkedHashSet<>();
        queued.forEach(q -> keys.add(q.recordKey()));
        Map<String, LedgerRecord> outcomes = ledger.findAll(target.connectionId(), keys);
        Map<Long, Instant> paidAt = target.table().columns().containsKey(target.columns().paidAt())
                ? payments.paidAt(outcomes.values().stream().map(LedgerRecord::id).toList()) : Map.of();
        List<ValueRange> data = WriteBackCells.of(target.table(), outcomes.values(), target.columns(), target.zone(),
                paidAt);
        long lastId = queued.get(queued.size() - 1).id();
        try {
            if (!data.isEmpty()) {
                sheets.write(target.spreadsheetId(), data);
                Log.infof("Connection %s wrote the outcomes of %d records back into the sheet (%d ranges)",
                        target.connectionId(), keys.size(), data.size());
            }
            queue.removeUpTo(target.connectionId(), lastId);
        } catch (SheetSourceException e) {
            Log.warnf("Connection %s could not write outcomes back into the sheet; the next run tries again: %s",
                    target.connectionId(), e.getMessage());
        }
    }
}
