package dev.portmoneconnect.source;

import dev.portmoneconnect.flow.ConnectHeaders;
import org.apache.camel.Endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source that can show the records its next run would take, without taking them. Preview and test
 * send read a connection's records through it: the first step of the connection's route whose
 * endpoint a {@code PreviewSource} bean {@link #reads reads} is the connection's source.
 *
 * <p>A source joins by being an {@code @ApplicationScoped} bean implementing this interface. It must
 * also leave the body alone in a test send (header {@code ConnectHeaders.TEST} is true): the run then
 * carries the one record under test, and the source's pending records stay for real runs.
 */
public interface PreviewSource {

    /** Whether this source is the one behind a route step that sends to {@code endpoint}. */
    boolean reads(Endpoint endpoint);

    /**
     * Up to {@code limit} of the records the connection's next run would take, in the order it would
     * take them. Takes, claims and changes nothing.
     */
    List<SourceRecord> peek(Endpoint endpoint, String connectionId, int limit);

    /**
     * A sample typed by the tester as this source would give it to a run: its values read the way the
     * source reads them, and keyed the way the source keys its records. By default the fields as they are,
     * keyed by the mapping.
     */
    default SourceRecord sample(Endpoint endpoint, String connectionId, Map<String, Object> fields) {
        return new SourceRecord(null, new LinkedHashMap<>(fields));
    }

    /**
     * Whether the source's records go through the connection's steps as they are, with no
     * {@code mapping:} step (the invoices of a {@code payments:} source): such a connection is
     * test-sent with its next record, never with a sample.
     */
    default boolean needsNoMapping() {
        return false;
    }
}
