package dev.portmoneconnect.connection;

import dev.portmoneconnect.delivery.DeliveryConfig;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.ledger.Run;
import dev.portmoneconnect.ledger.RunCounts;
import dev.portmoneconnect.ledger.RunFailure;
import dev.portmoneconnect.ledger.RunRepository;
import dev.portmoneconnect.ledger.RunStatus;
import dev.portmoneconnect.ledger.Failures;
import dev.portmoneconnect.mapping.PersonalData;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Starts runs of connections, one at a time per connection, records each in the run history and
 * announces its end.
 */
@ApplicationScoped
public class RunService {

    @Inject
    ConnectionRegistry registry;

    @Inject
    RunRepository runs;

    @Inject
    LedgerRepository ledger;

    @Inject
    DeliveryConfig delivery;

    @Inject
    InstanceConfig instance;

    @Inject
    Event<RunFinished> finished;

    /** How often this instance marks its running runs alive, and after how long a silent run counts as dead. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration SILENCE = Duration.ofSeconds(60);

    private final Map<String, String> running = new ConcurrentHashMap<>();
    private ExecutorService executor;
    private ScheduledExecutorService heartbeat;
    private String instanceId;

    @PostConstruct
    void init() {
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(Math.max(1, instance.maxConcurrentRuns()), r -> {
            Thread t = new Thread(r, "connection-run-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        instanceId = instance.instanceId().orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName());
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            runs.heartbeat(running.values());
            int abandoned = runs.abandonSilent(SILENCE);
            if (abandoned > 0) {
                Log.infof("Closed %d runs left open by a process that stopped", abandoned);
            }
        } catch (RuntimeException e) {
            Log.warnf("Run heartbeat failed: %s", e.getMessage());
        }
    }

    void shutdown(@Observes ShutdownEvent event) {
        heartbeat.shutdownNow();
        executor.shutdownNow();
    }

    public String instanceId() {
        return instanceId;
    }

    /**
     * Starts a run in the background.
     *
     * @return the run id and a future completed with the finished run
     * @throws UnknownConnectionException when no route declares the connection
     * @throws RunInProgressException     when the connection is running now
     */
    public StartedRun start(String connectionId, RunRequest request) {
        return start(connectionId, request, exchange -> {
        });
    }

    /** Starts a run whose exchange is prepared further by the caller (replay, test send). */
    public StartedRun start(String connectionId, RunRequest request, Consumer<Exchange> prepare) {
        ConnectionConsumer consumer = registry.find(connectionId)
                .orElseThrow(() -> new UnknownConnectionException(connectionId));
        String runId = UUID.randomUUID().toString();
        String current = running.putIfAbsent(connectionId, runId);
        if (current != null) {
            throw new RunInProgressException(connectionId, current);
        }
        try {
            boolean dryRun = delivery.dryRun() || request.dryRun();
            runs.start(runId, connectionId, request.trigger(), dryRun, request.test(), instanceId);
            CompletableFuture<Run> done = CompletableFuture.supplyAsync(
                    () -> execute(consumer, runId, dryRun, request, prepare), executor);
            return new StartedRun(runId, done);
        } catch (RuntimeException e) {
            running.remove(connectionId, runId);
            throw e;
        }
    }

    public Optional<String> runningRunId(String connectionId) {
        return Optional.ofNullable(running.get(connectionId));
    }

    private Run execute(ConnectionConsumer consumer, String runId, boolean dryRun, RunRequest request,
                        Consumer<Exchange> prepare) {
        String connectionId = consumer.connectionId();
        Throwable failure = null;
        try {
            Exchange exchange = consumer.newExchange();
            try {
                exchange.getMessage().setHeader(ConnectHeaders.CONNECTION_ID, connectionId);
                exchange.getMessage().setHeader(ConnectHeaders.RUN_ID, runId);
                exchange.getMessage().setHeader(ConnectHeaders.DRY_RUN, dryRun);
                exchange.getMessage().setHeader(ConnectHeaders.REPLAY_KEYS, request.replayKeys());
                exchange.getMessage().setHeader(ConnectHeaders.TEST, request.test());
                prepare.accept(exchange);
                consumer.run(exchange);
                failure = exchange.getProperty(RunFailure.PROPERTY, Throwable.class);
                if (failure == null) {
                    failure = exchange.getException();
                }
            } finally {
                consumer.done(exchange);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            RunCounts counts = RunCounts.from(ledger.outcomeCounts(runId));
            RunStatus status = failure != null ? RunStatus.FAILED
                    : counts.failed() > 0 ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
            String error = failure == null ? null : Failures.message(failure);
            if (failure != null) {
                Log.errorf("Run %s of connection %s failed: %s", runId, connectionId, PersonalData.mask(error));
            }
            runs.finish(runId, status, counts, error);
            Run run = runs.find(runId).orElseThrow();
            Log.infof("Run %s of %s (%s) ended %s: %d records, %d invoiced, %d delivered, %d failed, %d skipped",
                    runId, connectionId, request.trigger(), status, counts.recordsSeen(), counts.invoiced(),
                    counts.delivered(), counts.failed(), counts.skipped());
            running.remove(connectionId, runId);
            finished.fire(new RunFinished(run));
            return run;
        } finally {
            running.remove(connectionId, runId);
        }
    }

    /** A run that has started; {@link #done()} completes when it ends. */
    public record StartedRun(String runId, CompletableFuture<Run> done) {
    }
}
