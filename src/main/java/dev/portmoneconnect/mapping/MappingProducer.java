package dev.portmoneconnect.mapping;

import dev.portmoneconnect.flow.Invoice;
import dev.portmoneconnect.flow.ConnectHeaders;
import dev.portmoneconnect.connection.TestSends;
import dev.portmoneconnect.source.SourceRecord;
import io.quarkus.logging.Log;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.spi.Language;
import org.apache.camel.support.DefaultProducer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the mapping's expressions over one source record and replaces the body with the
 * validated {@link Invoice}. The record key and content digest are set as headers first, so a
 * record that fails validation is still recorded under its own key; in a test send that key is the
 * test's own ({@link TestSends}). A record its source refused ({@link SourceRecord#rejection()}) fails
 * here, under the key the source gave it.
 */
public class MappingProducer extends DefaultProducer {

    private Expression key;
    private Expression payerName;
    private Expression payerEmail;
    private Expression payerPhone;
    private Expression amount;
    private Expression currency;
    private Expression description;
    private Expression language;
    private Set<Channel> channels;
    private volatile boolean sourceKeyWarned;

    public MappingProducer(MappingEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MappingEndpoint getEndpoint() {
        return (MappingEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MappingEndpoint e = getEndpoint();
        if (e.getPayerName() == null || e.getAmount() == null) {
            throw new IllegalArgumentException("mapping:" + e.getName() + " needs payerName and amount expressions");
        }
        Language lang = getEndpoint().getCamelContext().resolveLanguage(e.getExpressionLanguage());
        key = compile(lang, e.getKey());
        payerName = compile(lang, e.getPayerName());
        payerEmail = compile(lang, e.getPayerEmail());
        payerPhone = compile(lang, e.getPayerPhone());
        amount = compile(lang, e.getAmount());
        currency = compile(lang, e.getCurrency());
        description = compile(lang, e.getDescription());
        language = compile(lang, e.getLanguage());
        channels = e.channelSet();
    }

    private Expression compile(Language lang, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Expression expression = lang.createExpression(text);
        expression.init(getEndpoint().getCamelContext());
        String field = FieldExpression.fieldOf(getEndpoint().getExpressionLanguage(), text);
        return field == null ? expression : FieldExpression.of(field, expression);
    }

    @Override
    public void process(Exchange exchange) {
        SourceRecord record = toRecord(exchange.getMessage().getBody());
        exchange.setProperty(ConnectHeaders.SOURCE_RECORD, record);
        exchange.getMessage().setBody(record.fields());
        String contentHash = record.contentHash();
        exchange.getMessage().setHeader(ConnectHeaders.CONTENT_HASH, contentHash);
        exchange.getMessage().setHeader(ConnectHeaders.SOURCE_ID, record.sourceId());
        exchange.getMessage().setHeader(ConnectHeaders.CHANNELS, channelNames());

        String testSuffix = exchange.getMessage().getHeader(ConnectHeaders.TEST_SUFFIX, String.class);
        SourceRecord.Rejection rejection = record.rejection();
        if (rejection != null) {
            // the source refused the record under a key of its own, which no other record has
            exchange.getMessage().setHeader(ConnectHeaders.RECORD_KEY,
                    testSuffix != null ? TestSends.recordKey(testSuffix) : record.key());
            throw new InvalidRecordException(List.of(FieldError.of(rejection.field(), rejection.code(),
                    rejection.values())));
        }
        KeyValue key = testSuffix != null ? new KeyValue(TestSends.recordKey(testSuffix), null)
                : recordKey(exchange, record, contentHash);
        if (key.problem() != null) {
            // kept under its content's digest, so it is recorded as a failed record like any other
            exchange.getMessage().setHeader(ConnectHeaders.RECORD_KEY, digestKey(contentHash));
            throw new InvalidRecordException(List.of(FieldError.of("key", key.problem())));
        }
        String recordKey = key.key();
        exchange.getMessage().setHeader(ConnectHeaders.RECORD_KEY, recordKey);
        Invoice invoice = InvoiceFields.validate(new InvoiceFields.Raw(recordKey,
                evaluate(payerName, exchange), evaluate(payerEmail, exchange), evaluate(payerPhone, exchange),
                evaluate(amount, exchange), evaluate(currency, exchange), evaluate(description, exchange),
                evaluate(language, exchange)), channels);
        exchange.getMessage().setBody(invoice);
    }

    /**
     * The mapping's key expression decides; without one, the key the source gave the record (a
     * sheet's key column), and without that a digest of the record's content.
     */
    private KeyValue recordKey(Exchange exchange, SourceRecord record, String contentHash) {
        if (key == null) {
            return new KeyValue(record.key() != null ? record.key() : digestKey(contentHash), null);
        }
        Object value = evaluate(key, exchange);
        if (value instanceof Map<?, ?> || value instanceof Iterable<?> || (value != null && value.getClass().isArray())) {
            return new KeyValue(null, "KEY_NOT_TEXT");
        }
        if (value == null || value.toString().isBlank()) {
            return new KeyValue(null, "REQUIRED");
        }
        String text = value.toString().strip();
        String recordKey = text.length() > 500 ? digestKey(contentHash) : text;
        if (record.key() != null && !record.key().equals(recordKey) && !sourceKeyWarned) {
            sourceKeyWarned = true;
            Log.warnf("mapping:%s gives record keys that differ from the source's own (%s, not %s): every record"
                    + " then reaches the ledger guard on every run. Leave key out of the mapping to use the"
                    + " source's key.", getEndpoint().getName(), recordKey, record.key());
        }
        return new KeyValue(recordKey, null);
    }

    private static String digestKey(String contentHash) {
        return "sha256:" + contentHash;
    }

    /** The record's key, or the code of what is wrong with the value the key expression gave. */
    private record KeyValue(String key, String problem) {
    }

    private String channelNames() {
        return String.join(",", channels.stream().map(c -> c.name().toLowerCase()).sorted().toList());
    }

    private static Object evaluate(Expression expression, Exchange exchange) {
        return expression == null ? null : expression.evaluate(exchange, Object.class);
    }

    @SuppressWarnings("unchecked")
    private static SourceRecord toRecord(Object body) {
        if (body instanceof SourceRecord record) {
            return record;
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
            return new SourceRecord(null, fields);
        }
        throw new IllegalArgumentException("mapping: expects a source record or a map of fields, got "
                + (body == null ? "no body" : body.getClass().getSimpleName()));
    }
}
