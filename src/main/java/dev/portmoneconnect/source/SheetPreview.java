package dev.portmoneconnect.source;

import dev.portmoneconnect.connection.ConnectionConsumer;
import dev.portmoneconnect.connection.ConnectionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows a sheet connection's next run would take, for preview and test send: one values read,
 * then the same choice a run makes ({@link UnsettledRows#peek}): nothing before a first run that
 * takes the rows already there as handled, never a settled row, a repeated key as the failing
 * record it will be. Writes nothing: no first-run baseline, no settled keys, no write-back.
 */
@ApplicationScoped
public class SheetPreview implements PreviewSource {

    @Inject
    GoogleSheets sheets;

    @Inject
    UnsettledRows unsettled;

    @Inject
    ConnectionRegistry registry;

    @Inject
    CamelContext camel;

    @Override
    public boolean reads(Endpoint endpoint) {
        return endpoint instanceof SheetEndpoint;
    }

    @Override
    public List<SourceRecord> peek(Endpoint endpoint, String connectionId, int limit) {
        SheetEndpoint sheet = (SheetEndpoint) endpoint;
        String connection = connection(sheet, connectionId);
        SheetTable table = SheetTable.of(sheets.read(sheet.getSpreadsheetId(), sheet.getRange()),
                sheet.layout(mappedFields(connectionId)));
        return unsettled.peek(connection, sheet.firstRunMode(), table, limit);
    }

    /**
     * A sample as the sheet would give it: cells read as a run reads them (text stripped, date
     * columns as ISO dates, write-back columns left out), keyed by the key column when it has one.
     */
    @Override
    public SourceRecord sample(Endpoint endpoint, String connectionId, Map<String, Object> fields) {
        SheetEndpoint sheet = (SheetEndpoint) endpoint;
        SheetTable.Layout layout = sheet.layout(Set.of());
        Map<String, Object> read = new LinkedHashMap<>();
        fields.forEach((name, cell) -> {
            String header = IdentityText.strip(name);
            if (layout.writeBackColumns().contains(header)) {
                return;
            }
            Object value = cell instanceof Number || cell instanceof String || cell instanceof Boolean
                    ? SheetTable.value(cell, layout.dateColumns().contains(header)) : cell;
            if (value != null) {
                read.put(header, value);
            }
        });
        String key = layout.keyColumn() == null || read.containsKey(layout.keyColumn())
                ? SheetTable.key(layout.keyColumn(), read) : null;
        return new SourceRecord(null, read, key);
    }

    private Set<String> mappedFields(String connectionId) {
        return registry.find(connectionId).map(ConnectionConsumer::getRouteId)
                .map(routeId -> MappedFields.of(camel, routeId)).orElse(Set.of());
    }

    private static String connection(SheetEndpoint sheet, String connectionId) {
        return sheet.getConnectionId() == null || sheet.getConnectionId().isBlank()
                ? connectionId : sheet.getConnectionId();
    }
}
