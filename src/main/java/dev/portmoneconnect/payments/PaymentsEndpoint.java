package dev.portmoneconnect.payments;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.util.TimeUtils;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A {@code payments:} step. As a source ({@code unpaid}, {@code paid}, {@code expired}) it replaces
 * the body with the invoices of that status its follow-up has not acted on, as
 * {@code List<PaymentRecord>}; {@code guard} and {@code done} go around the follow-up's own steps.
 */
@UriEndpoint(scheme = "payments", title = "Payment status", syntax = "payments:kind", producerOnly = true,
        category = {Category.DATABASE}, firstVersion = "0.1.0", generateConfigurer = false)
@RegisterForReflection
public class PaymentsEndpoint extends DefaultEndpoint {

    static final Set<String> SOURCES = Set.of("unpaid", "paid", "expired");

    @UriPath(enums = "unpaid,paid,expired,guard,done,failed")
    @Metadata(required = true, description = "unpaid, paid or expired: invoices of that status; guard and done: the"
            + " steps around a follow-up; failed: what the shared error handling calls")
    private String kind;

    @UriParam(description = "Invoicing connections whose invoices to take, comma-separated; all when empty")
    private String connection;

    @UriParam(description = "Only invoices this old: counted from the invoice (unpaid, default 12h), the payment"
            + " (paid, default 0s) or the link's expiry (expired, default 0s)")
    private String olderThan;

    @UriParam(description = "Leave out invoices older than this, counted the same way; paid and expired default"
            + " to 7d so that a new follow-up does not act on the whole history")
    private String maxAge;

    @UriParam(description = "Name under which the follow-up acts once per invoice; defaults to the running"
            + " connection's id")
    private String followUp;

    @UriParam(description = "Most invoices one run takes", defaultValue = "500")
    private int batchSize = 500;

    private Duration olderThanDuration;
    private Duration maxAgeDuration;

    public PaymentsEndpoint(String uri, PaymentsComponent component) {
        super(uri, component);
    }

    @Override
    public PaymentsComponent getComponent() {
        return (PaymentsComponent) super.getComponent();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (!SOURCES.contains(kind) && !List.of("guard", "done", "failed").contains(kind)) {
            throw new IllegalArgumentException("Unknown payments: step '" + kind
                    + "': unpaid, paid or expired (sources), guard or done");
        }
        olderThanDuration = duration("olderThan", olderThan, "unpaid".equals(kind) ? Duration.ofHours(12) : Duration.ZERO);
        maxAgeDuration = duration("maxAge", maxAge, "unpaid".equals(kind) ? null : Duration.ofDays(7));
        if (batchSize < 1) {
            throw new IllegalArgumentException("payments:" + kind + " batchSize must be at least 1");
        }
    }

    private static Duration duration(String option, String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            Duration parsed = TimeUtils.toDuration(text.strip());
            if (parsed.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return parsed;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("payments: option " + option + "='" + text
                    + "' is not a duration such as 12h, 2d or 30m");
        }
    }

    @Override
    public Producer createProducer() {
        FollowUps followUps = getComponent().followUps();
        return new DefaultProducer(this) {
            @Override
            public void process(Exchange exchange) {
                switch (kind) {
                    case "guard" -> followUps.guard(exchange);
                    case "done" -> followUps.done(exchange);
                    case "failed" -> followUps.failed(exchange);
                    default -> followUps.select(exchange, PaymentsEndpoint.this);
                }
            }
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("payments: is read by a connection's run: put it after connection:...");
    }

    List<String> connections() {
        if (connection == null || connection.isBlank()) {
            return List.of();
        }
        return Arrays.stream(connection.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    Duration olderThanDuration() {
        return olderThanDuration;
    }

    Duration maxAgeDuration() {
        return maxAgeDuration;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getConnection() {
        return connection;
    }

    public void setConnection(String connection) {
        this.connection = connection;
    }

    public String getOlderThan() {
        return olderThan;
    }

    public void setOlderThan(String olderThan) {
        this.olderThan = olderThan;
    }

    public String getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(String maxAge) {
        this.maxAge = maxAge;
    }

    public String getFollowUp() {
        return followUp;
    }

    public void setFollowUp(String followUp) {
        this.followUp = followUp;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
