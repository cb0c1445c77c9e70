package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.ledger.RecordClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows a sheet connection's next run would invoice, for preview and test send: one values read,
 * then the ledger asked in batches only until enough rows are found. Writes nothing: no first-run
 * baseline, no settled keys, no write-back.
 */
@ApplicationScoped
public class SheetPreview implements PreviewSource {

    private static final int BATCH = 500;

    @Inject
    GoogleSheets sheets;

    @Inject
    LedgerRepository ledger;

    @Override
    public boolean reads(Endpoint endpoint) {
        return endpoint instanceof SheetEndpoint;
    }

    @Override
    public List<SourceRecord> peek(Endpoint endpoint, String connectionId, int limit) {
        SheetEndpoint sheet = (SheetEndpoint) endpoint;
        String connection = sheet.getConnectionId() == null || sheet.getConnectionId().isBlank()
                ? connectionId : sheet.getConnectionId();
        SheetTable table = SheetTable.of(sheets.read(sheet.getSpreadsheetId(), sheet.getRange()), sheet.layout());
        List<SheetTable.SheetRow> rows = table.rows();
        List<SourceRecord> pending = new ArrayList<>();
        for (int from = 0; from < rows.size() && pending.size() < limit; from += BATCH) {
            List<SheetTable.SheetRow> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            Map<String, LedgerRecord> known = ledger.findAll(connection,
                    batch.stream().map(SheetTable.SheetRow::key).toList());
            for (SheetTable.SheetRow row : batch) {
                LedgerRecord entry = known.get(row.key());
                if (entry == null || RecordClaims.reasonToSkip(entry, new LedgerRepository.Claim(connection, row.key(),
                        row.record().contentHash(), null, null, null, null, false, null), false) == null) {
                    pending.add(row.record());
                    if (pending.size() == limit) {
                        break;
                    }
                }
            }
        }
        return pending;
    }
}
