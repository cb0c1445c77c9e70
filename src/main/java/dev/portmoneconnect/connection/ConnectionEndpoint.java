package dev.portmoneconnect.connection;

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

/** A connection: its id, its trigger and whether it starts switched on. */
@UriEndpoint(scheme = "connection", title = "Connection", syntax = "connection:id", consumerOnly = true,
        category = {Category.SCHEDULING}, firstVersion = "0.1.0",
        generateConfigurer = false)
@RegisterForReflection
public class ConnectionEndpoint extends DefaultEndpoint {

    @UriPath
    @Metadata(required = true, description = "Connection id: lower-case letters, digits and dashes")
    private final String id;

    @UriParam(description = "Update interval: 1m, 5m, 10m, 15m, 30m, 1h, 2h, 3h, 6h, 12h or 24h")
    private String every;

    @UriParam(description = "Quartz cron expression, for schedules the presets do not cover")
    private String cron;

    @UriParam(description = "Times of day to run, such as 09:00,13:30,18:00")
    private String times;

    @UriParam(description = "Time zone of cron and times", defaultValue = "Europe/Kyiv")
    private String timeZone = "Europe/Kyiv";

    @UriParam(description = "Run right after this other connection finishes a run")
    private String after;

    @UriParam(description = "Which runs of the 'after' connection trigger this one: success or any",
            defaultValue = "success", enums = "success,any")
    private String afterOutcome = "success";

    @UriParam(description = "Whether the schedule starts switched on; the switch in the API overrides it",
            defaultValue = "true")
    private boolean enabled = true;

    @UriParam(description = "After downtime: one catch-up run (catch-up) or none (skip)", defaultValue = "catch-up",
            enums = "catch-up,skip")
    private String misfire = "catch-up";

    public ConnectionEndpoint(String uri, ConnectionComponent component, String id) {
        super(uri, component);
        this.id = id;
    }

    @Override
    public ConnectionComponent getComponent() {
        return (ConnectionComponent) super.getComponent();
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ConnectionConsumer consumer = new ConnectionConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("connection: endpoints start routes; run one with POST /api/connections/"
                + id + "/run");
    }

    public String getId() {
        return id;
    }

    public String getEvery() {
        return every;
    }

    public void setEvery(String every) {
        this.every = every;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public String getTimes() {
        return times;
    }

    public void setTimes(String times) {
        this.times = times;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public String getAfterOutcome() {
        return afterOutcome;
    }

    public void setAfterOutcome(String afterOutcome) {
        this.afterOutcome = afterOutcome;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getMisfire() {
        return misfire;
    }

    public void setMisfire(String misfire) {
        this.misfire = misfire;
    }
}
