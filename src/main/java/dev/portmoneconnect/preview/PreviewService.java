package dev.portmoneconnect.preview;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portmoneconnect.flow.ConnectHeaders;
import dev.portmoneconnect.connection.ConnectionConsumer;
import dev.portmoneconnect.connection.ConnectionRegistry;
import dev.portmoneconnect.connection.UnknownConnectionException;
import dev.portmoneconnect.delivery.DeliveryEndpoint;
import dev.portmoneconnect.delivery.MessageRenderer;
import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.mapping.FieldError;
import dev.portmoneconnect.mapping.InvalidRecordException;
import dev.portmoneconnect.flow.Invoice;
import dev.portmoneconnect.mapping.MappingEndpoint;
import dev.portmoneconnect.portmone.CreateLinkPaymentProducer;
import dev.portmoneconnect.flow.ShopOrderNumber;
import dev.portmoneconnect.preview.ConnectionPreview.MessagePreview;
import dev.portmoneconnect.preview.ConnectionPreview.RecordPreview;
import dev.portmoneconnect.source.PreviewSource;
import dev.portmoneconnect.source.SourceRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shows what a connection would do with its next records, or with sample records: the mapped
 * invoice or every field error, the signed createLinkPayment request and each rendered message.
 * It runs the connection's own mapping step and the renderer delivery uses, and calls nothing else:
 * no Portmone call, no message, no ledger row, no inbox change.
 */
@ApplicationScoped
public class PreviewService {

    public static final int MAX_RECORDS = 20;
    static final String SAMPLE = "sample";

    @Inject
    ConnectionRegistry registry;

    @Inject
    CamelContext camel;

    @Inject
    ProducerTemplate producer;

    @Inject
    Instance<PreviewSource> sources;

    @Inject
    LedgerRepository ledger;

    @Inject
    MessageRenderer renderer;

    /**
     * @param samples records to preview instead of the source's; null or empty to read the source
     * @param limit   how many of the source's pending records to preview
     * @throws UnknownConnectionException when no started route declares the connection
     * @throws NoRecordsException         when the route has no mapping step, or its source cannot be read without a run
     */
    public ConnectionPreview preview(String connectionId, List<Map<String, Object>> samples, int limit) {
        ConnectionSteps steps = steps(connectionId);
        MappingEndpoint mapping = steps.mapping().orElseThrow(() -> new NoRecordsException(
                "Connection '" + connectionId + "' has no mapping: step to preview"));
        String source;
        List<SourceRecord> records;
        if (samples != null && !samples.isEmpty()) {
            source = SAMPLE;
            Optional<Located> located = findSource(steps);
            records = samples.stream().limit(MAX_RECORDS).map(s -> sample(connectionId, located, s)).toList();
        } else {
            Located located = source(connectionId, steps);
            source = located.endpoint().getEndpointUri().split(":", 2)[0];
            records = located.source().peek(located.endpoint(), connectionId, Math.max(1, Math.min(limit, MAX_RECORDS)));
        }
        List<RecordPreview> previews = new ArrayList<>();
        for (SourceRecord record : records) {
            previews.add(preview(connectionId, steps, mapping, record));
        }
        return new ConnectionPreview(connectionId, source, previews);
    }

    /**
     * The record a test send would use: the sample, or the first record the next run would take.
     *
     * @throws NoRecordsException when there is neither
     */
    SourceRecord recordToTest(String connectionId, Map<String, Object> sample) {
        ConnectionSteps steps = steps(connectionId);
        boolean withSample = sample != null && !sample.isEmpty();
        if (steps.mapping().isEmpty()) {
            if (findSource(steps).filter(own -> own.source().needsNoMapping()).isEmpty()) {
                throw new NoRecordsException("Connection '" + connectionId + "' has no mapping: step to test");
            }
            if (withSample) {
                throw new NoRecordsException("Connection '" + connectionId + "' acts on the records of its source as"
                        + " they are: test it with its next record, without a sample");
            }
        }
        if (withSample) {
            return sample(connectionId, findSource(steps), sample);
        }
        Located located = source(connectionId, steps);
        return located.source().peek(located.endpoint(), connectionId, 1).stream().findFirst()
                .orElseThrow(() -> new NoRecordsException("Connection '" + connectionId
                        + "' has no pending record to test with: send a sample record"));
    }

    private ConnectionSteps steps(String connectionId) {
        ConnectionConsumer consumer = registry.find(connectionId)
                .orElseThrow(() -> new UnknownConnectionException(connectionId));
        return ConnectionSteps.of(camel, consumer.getRouteId());
    }

    private Located source(String connectionId, ConnectionSteps steps) {
        return findSource(steps).orElseThrow(() -> new NoRecordsException("Connection '" + connectionId
                + "' reads from a source that cannot show its records before a run: send a sample record"));
    }

    private Optional<Located> findSource(ConnectionSteps steps) {
        for (Endpoint endpoint : steps.all()) {
            for (PreviewSource candidate : sources) {
                if (candidate.reads(endpoint)) {
                    return Optional.of(new Located(candidate, endpoint));
                }
            }
        }
        return Optional.empty();
    }

    private RecordPreview preview(String connectionId, ConnectionSteps steps, MappingEndpoint mapping,
                                  SourceRecord record) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(ConnectHeaders.CONNECTION_ID, connectionId);
        exchange.getMessage().setHeader(ConnectHeaders.DRY_RUN, true);
        exchange.getMessage().setBody(record);
        producer.send(mapping, exchange);

        String recordKey = exchange.getMessage().getHeader(ConnectHeaders.RECORD_KEY, String.class);
        Exception failure = exchange.getException();
        if (failure != null) {
            List<FieldError> errors = failure instanceof InvalidRecordException invalid ? invalid.errors()
                    : List.of(new FieldError("record", failure.getClass().getSimpleName(),
                    String.valueOf(failure.getMessage())));
            return new RecordPreview(record.sourceId(), record.fields(), recordKey, false, errors, null, null,
                    ledgerStatus(connectionId, recordKey), null, null, List.of());
        }
        Invoice invoice = exchange.getMessage().getBody(Invoice.class);
        String orderNumber = ShopOrderNumber.of(connectionId, recordKey);
        String link = CreateLinkPaymentProducer.DRY_RUN_LINK + orderNumber;
        List<MessagePreview> messages = steps.deliveries().stream()
                .map(delivery -> message(delivery, invoice, link, orderNumber)).toList();
        ObjectNode request = steps.portmone().map(p -> p.createLinkPaymentRequest(invoice, orderNumber)).orElse(null);
        return new RecordPreview(record.sourceId(), record.fields(), recordKey, true, List.of(), invoice, orderNumber,
                ledgerStatus(connectionId, recordKey), request, link, messages);
    }

    private MessagePreview message(DeliveryEndpoint delivery, Invoice invoice, String link, String orderNumber) {
        String channel = delivery.getChannel();
        String template = delivery.getTemplate();
        try {
            if ("sms".equals(channel)) {
                MessageRenderer.RenderedSms sms = renderer.sms(template, invoice, link, orderNumber, invoice.payerPhone());
                return new MessagePreview(channel, template, sms.to(), null, sms.text().text(), sms.text().partCount(),
                        sms.text().encoding().label(), null);
            }
            MessageRenderer.RenderedEmail email = renderer.email(template, invoice, link, orderNumber, invoice.payerEmail());
            return new MessagePreview(channel, template, email.to(), email.subject(), email.html(), 1, null, null);
        } catch (RuntimeException e) {
            return new MessagePreview(channel, template, null, null, null, null, null, e.getMessage());
        }
    }

    private String ledgerStatus(String connectionId, String recordKey) {
        if (recordKey == null) {
            return null;
        }
        Optional<LedgerRecord> row = ledger.find(connectionId, recordKey);
        return row.map(r -> r.status().name()).orElse(null);
    }

    /** A sample as the connection's source would give it (a sheet keys it by its key column), if it has one. */
    private static SourceRecord sample(String connectionId, Optional<Located> source, Map<String, Object> fields) {
        return source.map(s -> s.source().sample(s.endpoint(), connectionId, fields))
                .orElseGet(() -> new SourceRecord(null, new LinkedHashMap<>(fields)));
    }

    private record Located(PreviewSource source, Endpoint endpoint) {
    }
}
