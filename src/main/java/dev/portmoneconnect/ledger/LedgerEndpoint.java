package dev.portmoneconnect.ledger;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiConsumer;

/** One ledger step of a connection route. */
@UriEndpoint(scheme = "ledger", title = "Ledger", syntax = "ledger:step", producerOnly = true,
        category = {Category.DATABASE}, firstVersion = "0.1.0",
        generateConfigurer = false)
@RegisterForReflection
public class LedgerEndpoint extends DefaultEndpoint {

    /** The ledger steps a route can take, in the order a record meets them. */
    public enum Step {
        GUARD(LedgerService::guard),
        INVOICED(LedgerService::invoiced),
        DELIVERED(LedgerService::delivered),
        FAILED(LedgerService::failed),
        RETRYING(LedgerService::retrying);

        private final BiConsumer<LedgerService, Exchange> action;

        Step(BiConsumer<LedgerService, Exchange> action) {
            this.action = action;
        }

        static Step parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown ledger step '" + name + "'; one of "
                        + Arrays.toString(values()).toLowerCase(Locale.ROOT));
            }
        }
    }

    @UriPath(enums = "guard,invoiced,delivered,failed,retrying")
    @Metadata(required = true, description = "The ledger step")
    private final Step step;

    public LedgerEndpoint(String uri, LedgerComponent component, Step step) {
        super(uri, component);
        this.step = step;
    }

    @Override
    public LedgerComponent getComponent() {
        return (LedgerComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        LedgerService service = getComponent().service();
        return new DefaultProducer(this) {
            @Override
            public void process(Exchange exchange) {
                step.action.accept(service, exchange);
            }
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("ledger: endpoints only record");
    }

    public Step getStep() {
        return step;
    }
}
