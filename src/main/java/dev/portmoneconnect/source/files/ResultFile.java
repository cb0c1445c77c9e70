package dev.portmoneconnect.source.files;

import dev.portmoneconnect.flow.Invoice;
import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.source.SourceOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a file, row by row, as written next to it in {@code <name>.result.csv}: the row
 * number, the order's key, the status, the payment link and the reason of a failure.
 */
final class ResultFile {

    static final List<String> HEADER = List.of("Row", "Key", "Status", "Invoice link", "Reason");

    private ResultFile() {
    }

    /** {@code orders.csv} → {@code orders.result.csv}. */
    static String nameFor(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return (dot > 0 ? fileName.substring(0, dot) : fileName) + ".result.csv";
    }

    /**
     * @param outcomes each row's ledger record by row number; a row without one is still pending
     */
    static List<List<String>> rows(OrderFile file, Map<Integer, LedgerRecord> outcomes) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (OrderFile.FileRow row : file.rows()) {
            if (row.problem() != null) {
                rows.add(List.of(String.valueOf(row.rowNumber()), "", SourceOutcome.FAILED, "", row.problem()));
                continue;
            }
            LedgerRecord outcome = outcomes.get(row.rowNumber());
            String key = outcome != null ? outcome.recordKey() : row.key() == null ? "" : row.key();
            String link = outcome == null || outcome.paymentLink() == null ? "" : outcome.paymentLink();
            String reason = SourceOutcome.reason(outcome);
            rows.add(List.of(String.valueOf(row.rowNumber()), key, SourceOutcome.status(outcome), link,
                    reason == null ? "" : reason));
        }
        return rows;
    }

    /** A file that could not be read at all: one line that says why. */
    static List<List<String>> unreadable(String reason) {
        return List.of(HEADER, List.of("", "", SourceOutcome.FAILED, "", reason));
    }
}
