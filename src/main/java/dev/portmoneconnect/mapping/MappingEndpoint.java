package dev.portmoneconnect.mapping;

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

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connection's field mapping: one expression per invoice field, evaluated over the source record,
 * whose fields the body holds by name. The invoice is validated; an error names the field.
 */
@UriEndpoint(scheme = "mapping", title = "Invoice mapping", syntax = "mapping:name", producerOnly = true,
        category = {Category.TRANSFORMATION}, firstVersion = "0.1.0",
        generateConfigurer = false)
@RegisterForReflection
public class MappingEndpoint extends DefaultEndpoint {

    private static final Pattern BODY_FIELD = Pattern.compile("\\$\\{body\\[([^\\]]+)]}");

    @UriPath
    @Metadata(description = "Name of the mapping, usually the connection id")
    private String name;

    @UriParam(description = "Expression giving the record key; defaults to a digest of the record's content")
    private String key;

    @UriParam(description = "Expression giving the payer's full name")
    @Metadata(required = true)
    private String payerName;

    @UriParam(description = "Expression giving the payer's e-mail address")
    private String payerEmail;

    @UriParam(description = "Expression giving the payer's phone number")
    private String payerPhone;

    @UriParam(description = "Expression giving the amount in hryvnias")
    @Metadata(required = true)
    private String amount;

    @UriParam(description = "Expression giving the currency", defaultValue = "UAH")
    private String currency = "UAH";

    @UriParam(description = "Expression giving what the payer pays for")
    private String description;

    @UriParam(description = "Expression giving the payer's language: uk, en or ru", defaultValue = "uk")
    private String language = "uk";

    @UriParam(description = "How the link is delivered, which decides required fields: email, sms or email,sms",
            defaultValue = "email")
    private String channels = "email";

    @UriParam(description = "Expression language of the field expressions", defaultValue = "simple")
    private String expressionLanguage = "simple";

    public MappingEndpoint(String uri, MappingComponent component) {
        super(uri, component);
    }

    @Override
    public Producer createProducer() {
        return new MappingProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("mapping: endpoints only transform");
    }

    Set<Channel> channelSet() {
        return Channel.parseAll(channels);
    }

    /**
     * The names of the record fields the expressions read as {@code ${body[name]}}, in the order of
     * the invoice fields: what a source's header row is expected to name.
     */
    public Set<String> fieldsRead() {
        Set<String> fields = new LinkedHashSet<>();
        if (!"simple".equals(expressionLanguage)) {
            return fields;
        }
        for (String expression : new String[]{key, payerName, payerEmail, payerPhone, amount, currency, description,
                language}) {
            if (expression == null) {
                continue;
            }
            Matcher m = BODY_FIELD.matcher(expression);
            while (m.find()) {
                String name = m.group(1).strip();
                if (name.length() > 1 && (name.startsWith("'") && name.endsWith("'")
                        || name.startsWith("\"") && name.endsWith("\""))) {
                    name = name.substring(1, name.length() - 1);
                }
                if (!name.isEmpty()) {
                    fields.add(name);
                }
            }
        }
        return fields;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getPayerName() {
        return payerName;
    }

    public void setPayerName(String payerName) {
        this.payerName = payerName;
    }

    public String getPayerEmail() {
        return payerEmail;
    }

    public void setPayerEmail(String payerEmail) {
        this.payerEmail = payerEmail;
    }

    public String getPayerPhone() {
        return payerPhone;
    }

    public void setPayerPhone(String payerPhone) {
        this.payerPhone = payerPhone;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getChannels() {
        return channels;
    }

    public void setChannels(String channels) {
        this.channels = channels;
    }

    public String getExpressionLanguage() {
        return expressionLanguage;
    }

    public void setExpressionLanguage(String expressionLanguage) {
        this.expressionLanguage = expressionLanguage;
    }
}
