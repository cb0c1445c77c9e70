package dev.portmoneconnect.source.files;

import dev.portmoneconnect.source.SourceRecord;

import java.util.List;

/**
 * One dropped file as read: its rows in file order, each with the row number a spreadsheet program
 * shows (the header is usually row 1).
 *
 * @param delimiter the CSV delimiter the file used, or the one its result is written with (.xlsx)
 */
public record OrderFile(String name, char delimiter, List<String> header, List<FileRow> rows, int blankRows) {

    /**
     * One row.
     *
     * @param record  the row as a source record, null when the row cannot be a record
     * @param problem why the row cannot be a record (its key cell is empty), or null
     */
    public record FileRow(int rowNumber, String key, SourceRecord record, String problem) {
    }

    public List<SourceRecord> records() {
        return rows.stream().filter(r -> r.record() != null).map(FileRow::record).toList();
    }
}
