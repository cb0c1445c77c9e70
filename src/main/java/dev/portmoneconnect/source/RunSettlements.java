package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.RecordSettled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The records the ledger has settled during a source's run, by source id, with the key the ledger
 * keeps each under. A source that only reads (a file, a table, an API) learns from it, at the end
 * of the run, which of the records it read the ledger has taken, whatever key the mapping gave them.
 * One run per connection runs at a time, so runs are known by connection; dry runs and test sends
 * are not followed.
 */
@ApplicationScoped
public class RunSettlements {

    private final Map<String, Run> open = new ConcurrentHashMap<>();

    /** The settled records of one run: source id to record key. */
    public static final class Run {
        private final Map<String, String> keys = new ConcurrentHashMap<>();

        /** The key the ledger holds a record under, or null when the ledger has not settled it in this run. */
        public String keyOf(String sourceId) {
            return keys.get(sourceId);
        }

        public boolean settled(String sourceId) {
            return keys.containsKey(sourceId);
        }
    }

    /**
     * Follows the settlements of the run whose exchange this is, until the exchange is done. Then,
     * when the run ended normally, {@code whenDone} gets them; when it failed, {@code whenFailed} runs.
     */
    public void follow(Exchange exchange, String connectionId, Consumer<Run> whenDone, Runnable whenFailed) {
        Run run = new Run();
        open.put(connectionId, run);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                try {
                    whenDone.accept(run);
                } finally {
                    open.remove(connectionId, run);
                }
            }

            @Override
            public void onFailure(Exchange done) {
                try {
                    whenFailed.run();
                } finally {
                    open.remove(connectionId, run);
                }
            }
        });
    }

    void onSettled(@Observes RecordSettled event) {
        if (event.dryRun() || event.test() || event.sourceId() == null || event.recordKey() == null) {
            return;
        }
        Run run = open.get(event.connectionId());
        if (run != null) {
            run.keys.put(event.sourceId(), event.recordKey());
        }
    }
}
