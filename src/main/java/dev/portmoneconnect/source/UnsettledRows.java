package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.ledger.RecordClaims;
import dev.portmoneconnect.ledger.RecordStatus;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the rows of a sheet that a run must look at: rows never seen, rows left half-done, failed
 * rows whose content changed. Rows taken as the first-run baseline and delivered rows are known
 * from one read of the connection's settled keys; only the rest is looked up in the ledger, in bulk.
 */
@ApplicationScoped
public class UnsettledRows {

    @Inject
    SheetProgress progress;

    @Inject
    LedgerRepository ledger;

    /** What one run asks for; a test send reads the rows but leaves the connection's first run to come. */
    public record Run(String connectionId, String runId, FirstRun firstRun, boolean dryRun, Set<?> replayKeys,
                      boolean test) {
    }

    public List<SourceRecord> select(Run run, SheetTable table) {
        Optional<FirstRun> started = progress.firstRun(run.connectionId());
        if (started.isEmpty() && !run.test()) {
            List<String> baseline = run.firstRun() == FirstRun.NEW
                    ? table.rows().stream().map(SheetTable.SheetRow::key).toList() : List.of();
            if (progress.recordFirstRun(run.connectionId(), run.firstRun(), run.runId(), baseline)
                    && run.firstRun() == FirstRun.NEW) {
                Log.infof("First run of %s: %d rows already in the sheet are taken as handled; rows added from"
                        + " now on will be invoiced", run.connectionId(), table.rows().size());
                return List.of();
            }
        }
        SheetProgress.SettledKeys settled = progress.settledKeys(run.connectionId());
        List<SheetTable.SheetRow> candidates = new ArrayList<>();
        Set<String> candidateKeys = new LinkedHashSet<>();
        for (SheetTable.SheetRow row : table.rows()) {
            if (!settled.contains(row.key())) {
                candidates.add(row);
                candidateKeys.add(row.key());
            }
        }
        Map<String, LedgerRecord> known = ledger.findAll(run.connectionId(), candidateKeys);
        List<String> delivered = new ArrayList<>();
        List<SourceRecord> records = new ArrayList<>();
        for (SheetTable.SheetRow row : candidates) {
            LedgerRecord entry = known.get(row.key());
            if (entry == null) {
                records.add(row.record());
            } else if (entry.status() == RecordStatus.DELIVERED) {
                delivered.add(row.key());
            } else if (RecordClaims.reasonToSkip(entry, claim(run, row), run.replayKeys().contains(row.key())) == null) {
                records.add(row.record());
            }
        }
        progress.settle(run.connectionId(), delivered, SheetProgress.DELIVERED);
        Log.debugf("Sheet of %s: %d rows, %d settled before, %d looked up, %d to process", run.connectionId(),
                table.rows().size(), table.rows().size() - candidates.size(), candidates.size(), records.size());
        return records;
    }

    private static LedgerRepository.Claim claim(Run run, SheetTable.SheetRow row) {
        return new LedgerRepository.Claim(run.connectionId(), row.key(), row.record().contentHash(), null, null, null,
                null, run.dryRun(), run.runId());
    }
}
