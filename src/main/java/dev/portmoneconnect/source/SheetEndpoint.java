package dev.portmoneconnect.source;

import dev.portmoneconnect.flow.Invoice;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replaces the body with the sheet rows the connection must process, one record per row: one values
 * read per run, the header row naming the fields, blank rows skipped, rows already settled left
 * out, a row that repeats another row's key as a record that fails. With write-back on, each row's
 * outcome is written into the sheet when the run ends, in one call, to the row that holds the
 * record when the range is read again right before it.
 */
@UriEndpoint(scheme = "sheet", title = "Google Sheet rows", syntax = "sheet:connectionId", producerOnly = true,
        category = {Category.CLOUD, Category.DOCUMENT}, firstVersion = "0.1.0",
        generateConfigurer = false)
@RegisterForReflection
public class SheetEndpoint extends DefaultEndpoint {

    @UriPath(description = "Connection whose rows these are; defaults to the running connection")
    private String connectionId;

    @UriParam(description = "The spreadsheet's id, from its URL: docs.google.com/spreadsheets/d/<id>/edit")
    @Metadata(required = true)
    private String spreadsheetId;

    @UriParam(description = "Range to read in A1 notation; its first non-blank row is the header",
            defaultValue = "A:Z")
    private String range = "A:Z";

    @UriParam(description = "Header of the column that identifies an order (such as Order ID); without one a"
            + " row is identified by a digest of its content")
    private String keyColumn;

    @UriParam(description = "What the connection's first run does with the rows already in the sheet: new takes"
            + " them as handled, all invoices them", defaultValue = "new", enums = "new,all")
    private String firstRun = "new";

    @UriParam(description = "Headers of columns holding dates, converted from serial numbers to ISO dates")
    private String dateColumns;

    @UriParam(description = "Write each row's outcome into the sheet at the end of the run", defaultValue = "false")
    private boolean writeBack;

    @UriParam(description = "Header of the column that receives the payment link", defaultValue = "Invoice link")
    private String linkColumn = "Invoice link";

    @UriParam(description = "Header of the column that receives the status", defaultValue = "Status")
    private String statusColumn = "Status";

    @UriParam(description = "Header of the column that receives the time the link was sent", defaultValue = "Sent at")
    private String sentAtColumn = "Sent at";

    @UriParam(description = "Header of the column that receives the time the invoice was paid; written only when"
            + " the header row has it", defaultValue = "Paid at")
    private String paidAtColumn = "Paid at";

    @UriParam(description = "Time zone of the times written back", defaultValue = "Europe/Kyiv")
    private String timeZone = "Europe/Kyiv";

    public SheetEndpoint(String uri, SheetComponent component) {
        super(uri, component);
    }

    @Override
    public SheetComponent getComponent() {
        return (SheetComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new SheetProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("sheet: is read by a connection's run: put it after connection:...");
    }

    /** Options that can be checked before any run; the spreadsheet id may come from the environment later. */
    void validate() {
        FirstRun.parse(firstRun);
        ZoneId.of(timeZone);
        if (range == null || range.isBlank()) {
            throw new IllegalArgumentException("sheet:" + connectionId + " needs a range such as Orders!A:Z");
        }
    }

    FirstRun firstRunMode() {
        return FirstRun.parse(firstRun);
    }

    Set<String> dateColumnSet() {
        if (dateColumns == null || dateColumns.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(dateColumns.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    WriteBackCells.Columns writeBackColumns() {
        return new WriteBackCells.Columns(linkColumn, statusColumn, sentAtColumn, paidAtColumn);
    }

    /**
     * How to read this sheet's rows.
     *
     * @param mappedFields the fields the connection's mapping reads, which its header row must name
     */
    SheetTable.Layout layout(Set<String> mappedFields) {
        Set<String> written = writeBack ? Set.copyOf(writeBackColumns().names()) : Set.of();
        String key = keyColumn == null || keyColumn.isBlank() ? null : keyColumn.strip();
        String link = writeBack && linkColumn != null && !linkColumn.isBlank() ? linkColumn : null;
        return new SheetTable.Layout(key, dateColumnSet(), written, link, mappedFields);
    }

    public String getConnectionId() {
        return connectionId;
    }

    public void setConnectionId(String connectionId) {
        this.connectionId = connectionId;
    }

    public String getSpreadsheetId() {
        return spreadsheetId;
    }

    public void setSpreadsheetId(String spreadsheetId) {
        this.spreadsheetId = spreadsheetId;
    }

    public String getRange() {
        return range;
    }

    public void setRange(String range) {
        this.range = range;
    }

    public String getKeyColumn() {
        return keyColumn;
    }

    public void setKeyColumn(String keyColumn) {
        this.keyColumn = keyColumn;
    }

    public String getFirstRun() {
        return firstRun;
    }

    public void setFirstRun(String firstRun) {
        this.firstRun = firstRun;
    }

    public String getDateColumns() {
        return dateColumns;
    }

    public void setDateColumns(String dateColumns) {
        this.dateColumns = dateColumns;
    }

    public boolean isWriteBack() {
        return writeBack;
    }

    public void setWriteBack(boolean writeBack) {
        this.writeBack = writeBack;
    }

    public String getLinkColumn() {
        return linkColumn;
    }

    public void setLinkColumn(String linkColumn) {
        this.linkColumn = linkColumn;
    }

    public String getStatusColumn() {
        return statusColumn;
    }

    public void setStatusColumn(String statusColumn) {
        this.statusColumn = statusColumn;
    }

    public String getSentAtColumn() {
        return sentAtColumn;
    }

    public void setSentAtColumn(String sentAtColumn) {
        this.sentAtColumn = sentAtColumn;
    }

    public String getPaidAtColumn() {
        return paidAtColumn;
    }

    public void setPaidAtColumn(String paidAtColumn) {
        this.paidAtColumn = paidAtColumn;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
