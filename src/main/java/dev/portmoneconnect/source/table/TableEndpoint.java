package dev.portmoneconnect.source.table;

import dev.portmoneconnect.source.FirstRun;
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

/**
 * Replaces the body with the rows of a shop's table that come after the connection's cursor, as
 * {@code List<SourceRecord>}, at most {@code batchSize} a run, in cursor order. The cursor (an
 * increasing id or time) is kept in the app's database and moves at the end of a real run over the
 * rows the ledger has taken; with write-back columns each row's link and status are written into the
 * shop's table first.
 */
@UriEndpoint(scheme = "table", title = "Shop database table", syntax = "table:connectionId", producerOnly = true,
        category = {Category.DATABASE}, firstVersion = "0.1.0",
        generateConfigurer = false)
@RegisterForReflection
public class TableEndpoint extends DefaultEndpoint {

    @UriPath(description = "Connection whose rows these are; defaults to the running connection")
    private String connectionId;

    @UriParam(description = "Name of the shop's database: its settings are connect.databases.<name>.url,"
            + " .username and .password")
    @Metadata(required = true)
    private String database;

    @UriParam(description = "The orders table, optionally schema.table")
    @Metadata(required = true)
    private String table;

    @UriParam(description = "Column that identifies an order (its id); the record's key")
    @Metadata(required = true)
    private String keyColumn;

    @UriParam(description = "Column whose value grows with every new row: an id or a creation time;"
            + " the key column by default")
    private String cursorColumn;

    @UriParam(description = "Columns to read, comma-separated; all by default", defaultValue = "*")
    private String columns = "*";

    @UriParam(description = "Condition rows must meet, in SQL, such as status = 'new'")
    private String where;

    @UriParam(description = "Most rows one run takes", defaultValue = "500")
    private int batchSize = 500;

    @UriParam(description = "What the connection's first run does with the rows already in the table: new takes"
            + " them as handled, all invoices them", defaultValue = "new", enums = "new,all")
    private String firstRun = "new";

    @UriParam(description = "Column that receives the payment link (write-back)")
    private String linkColumn;

    @UriParam(description = "Column that receives the status: Sent, Invoiced or Failed (write-back)")
    private String statusColumn;

    @UriParam(description = "Column that receives the reason a row failed (write-back)")
    private String errorColumn;

    public TableEndpoint(String uri, TableComponent component) {
        super(uri, component);
    }

    @Override
    public TableComponent getComponent() {
        return (TableComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new TableProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("table: is read by a connection's run: put it after connection:...");
    }

    void validate() {
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("table:" + connectionId + " needs database, the name of the shop's"
                    + " database settings (connect.databases.<name>.url)");
        }
        queries();
        FirstRun.parse(firstRun);
        for (String column : new String[]{linkColumn, statusColumn, errorColumn}) {
            if (column != null && !column.isBlank()) {
                TableQueries.identifier("write-back column", column.strip());
            }
        }
    }

    TableQueries queries() {
        String key = keyColumn == null ? null : keyColumn.strip();
        String cursor = cursorColumn == null || cursorColumn.isBlank() ? key : cursorColumn.strip();
        return new TableQueries(table == null ? null : table.strip(), columns, where, cursor, key, batchSize);
    }

    FirstRun firstRunMode() {
        return FirstRun.parse(firstRun);
    }

    boolean writesBack() {
        return column(linkColumn) != null || column(statusColumn) != null || column(errorColumn) != null;
    }

    TableQueries.Statement writeBack(String link, String status, String error, Object key) {
        return queries().writeBack(column(linkColumn), column(statusColumn), column(errorColumn), link, status,
                error, key);
    }

    private static String column(String name) {
        return name == null || name.isBlank() ? null : name.strip();
    }

    public String getConnectionId() {
        return connectionId;
    }

    public void setConnectionId(String connectionId) {
        this.connectionId = connectionId;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public String getKeyColumn() {
        return keyColumn;
    }

    public void setKeyColumn(String keyColumn) {
        this.keyColumn = keyColumn;
    }

    public String getCursorColumn() {
        return cursorColumn;
    }

    public void setCursorColumn(String cursorColumn) {
        this.cursorColumn = cursorColumn;
    }

    public String getColumns() {
        return columns;
    }

    public void setColumns(String columns) {
        this.columns = columns;
    }

    public String getWhere() {
        return where;
    }

    public void setWhere(String where) {
        this.where = where;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public String getFirstRun() {
        return firstRun;
    }

    public void setFirstRun(String firstRun) {
        this.firstRun = firstRun;
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

    public String getErrorColumn() {
        return errorColumn;
    }

    public void setErrorColumn(String errorColumn) {
        this.errorColumn = errorColumn;
    }
}
