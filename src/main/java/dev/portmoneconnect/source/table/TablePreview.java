package dev.portmoneconnect.source.table;

import dev.portmoneconnect.source.FirstRun;
import dev.portmoneconnect.source.PreviewSource;
import dev.portmoneconnect.source.SourceCursors;
import dev.portmoneconnect.source.SourceRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Endpoint;

import java.util.List;
import java.util.Optional;

/**
 * The rows of a shop's table the connection's next run would take: one SELECT after the cursor,
 * limited to what is asked. Moves no cursor and writes nothing back.
 */
@ApplicationScoped
public class TablePreview implements PreviewSource {

    @Inject
    SourceCursors cursors;

    @Override
    public boolean reads(Endpoint endpoint) {
        return endpoint instanceof TableEndpoint;
    }

    @Override
    public List<SourceRecord> peek(Endpoint endpoint, String connectionId, int limit) {
        TableEndpoint table = (TableEndpoint) endpoint;
        String connection = TableProducer.connectionId(table, connectionId);
        Optional<SourceCursors.Position> at = cursors.find(connection);
        if (at.isEmpty() && table.firstRunMode() == FirstRun.NEW) {
            // the first run takes the rows already there as handled: it invoices none of them
            return List.of();
        }
        return TableProducer.read(table, at.orElse(null), limit).stream().map(TableRow::record).toList();
    }
}
