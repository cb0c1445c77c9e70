package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.ledger.RecordClaims;
import dev.portmoneconnect.ledger.RecordStatus;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the rows of a sheet that a run must look at: rows never seen, rows left half-done, failed
 * rows whose content changed, and rows that repeat another row's key (they fail, see
 * {@link DuplicateRows}). Rows taken as the first-run baseline and delivered rows are known from one
 * read of the connection's settled keys; only the rest is looked up in the ledger, in bulk. Preview
 * and test send ask the same question through {@link #peek}, which changes nothing.
 */
@ApplicationScoped
public class UnsettledRows {

    private static final int BATCH = 500;

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
                    ? DuplicateRows.resolve(table.rows(), table.keyColumn(), known(run.connectionId(), null)).stream()
                            .map(SheetTable.SheetRow::key).toList()
                    : List.of();
            if (progress.recordFirstRun(run.connectionId(), run.firstRun(), run.runId(), baseline)
                    && run.firstRun() == FirstRun.NEW) {
                Log.infof("First run of %s: %d rows already in the sheet are taken as handled; rows added from"
                        + " now on will be invoiced", run.connectionId(), table.rows().size());
                return List.of();
            }
        }
        SheetProgress.SettledKeys settled = progress.settledKeys(run.connectionId());
        Selection selection = pending(run.connectionId(), table, settled, run.dryRun(), run.replayKeys(),
                Integer.MAX_VALUE);
        progress.settle(run.connectionId(), selection.delivered(), SheetProgress.DELIVERED);
        Log.debugf("Sheet of %s: %d rows, %d settled before, %d looked up, %d to process", run.connectionId(),
                table.rows().size(), table.rows().size() - selection.lookedUp(), selection.lookedUp(),
                selection.records().size());
        return selection.records();
    }

    /**
     * Up to {@code limit} of the records the connection's next run would take, in its order: nothing
     * before a first run that takes the rows already there as handled, and never a settled row.
     * Writes nothing.
     */
    public List<SourceRecord> peek(String connectionId, FirstRun firstRun, SheetTable table, int limit) {
        if (progress.firstRun(connectionId).isEmpty() && firstRun == FirstRun.NEW) {
            return List.of();
        }
        return pending(connectionId, table, progress.settledKeys(connectionId), false, Set.of(), limit).records();
    }

    /** The rows under the identities they have now, duplicates of another row's key rejected. */
    List<SheetTable.SheetRow> identified(String connectionId, SheetTable table) {
        return DuplicateRows.resolve(table.rows(), table.keyColumn(), known(connectionId, null));
    }

    private Selection pending(String connectionId, SheetTable table, SheetProgress.SettledKeys settled,
                              boolean dryRun, Set<?> replayKeys, int limit) {
        List<SheetTable.SheetRow> rows = DuplicateRows.resolve(table.rows(), table.keyColumn(),
                known(connectionId, settled));
        List<SheetTable.SheetRow> candidates = new ArrayList<>();
        for (SheetTable.SheetRow row : rows) {
            if (!settled.contains(row.key())) {
                candidates.add(row);
            }
        }
        List<String> delivered = new ArrayList<>();
        List<SourceRecord> records = new ArrayList<>();
        for (int from = 0; from < candidates.size() && records.size() < limit; from += BATCH) {
            List<SheetTable.SheetRow> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
            Map<String, LedgerRecord> known = ledger.findAll(connectionId,
                    batch.stream().map(SheetTable.SheetRow::key).toList());
            for (SheetTable.SheetRow row : batch) {
                LedgerRecord entry = known.get(row.key());
                if (entry == null) {
                    records.add(row.record());
                } else if (entry.status() == RecordStatus.DELIVERED) {
                    delivered.add(row.key());
                } else if (RecordClaims.reasonToSkip(entry, claim(connectionId, row, dryRun),
                        replayKeys.contains(row.key())) == null) {
                    records.add(row.record());
                }
                if (records.size() == limit) {
                    break;
                }
            }
        }
        return new Selection(records, delivered, candidates.size());
    }

    /** What the connection knows of keys: its ledger, and its settled keys (read when first needed if null). */
    private DuplicateRows.Known known(String connectionId, SheetProgress.SettledKeys settled) {
        return new DuplicateRows.Known() {
            private SheetProgress.SettledKeys keys = settled;

            @Override
            public Map<String, LedgerRecord> ledger(Collection<String> keys) {
                return ledger.findAll(connectionId, keys);
            }

            @Override
            public boolean settled(String key) {
                if (keys == null) {
                    keys = progress.settledKeys(connectionId);
                }
                return keys.contains(key);
            }
        };
    }

    private static LedgerRepository.Claim claim(String connectionId, SheetTable.SheetRow row, boolean dryRun) {
        return new LedgerRepository.Claim(connectionId, row.key(), row.record().contentHash(), null, null, null,
                null, dryRun, null);
    }

    private record Selection(List<SourceRecord> records, List<String> delivered, int lookedUp) {
    }
}
