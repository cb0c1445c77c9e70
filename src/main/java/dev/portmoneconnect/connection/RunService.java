package dev.portmoneconnect.connection;

import dev.portmoneconnect.flow.ConnectHeaders;
import dev.portmoneconnect.delivery.DeliveryConfig;
import dev.portmoneconnect.ledger.ConnectionLeases;
import dev.portmoneconnect.ledger.ParkedRetries;
import dev.portmoneconnect.ledger.Run;
import dev.portmoneconnect.ledger.RunCounts;
import dev.portmoneconnect.ledger.RunFailure;
import dev.portmoneconnect.ledger.RunRepository;
import dev.portmoneconnect.ledger.RunStatus;
import dev.portmoneconnect.ledger.Failures;
import dev.portmoneconnect.flow.PersonalData;
import io.quarkus.logging.Log;
import dev.portmoneconnect.flow.RunControl;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Starts runs of connections, one at a time per connection across every instance on the database
 * (see {@link ConnectionLeases}), records each in the run history and announces its end.
 */
@ApplicationScoped
public class RunService {

    static final String INTERRUPTED = "the app was stopped during the run; the records it had not taken wait for"
            + " the next run";

    @Inject
    ConnectionRegistry registry;

    @Inject
    RunRepository runs;

    @Inject
    DeliveryConfig delivery;

    @Inject
    InstanceConfig instance;

    @Inject
    RouteFiles routeFiles;

    @Inject
    ConnectionLeases leases;

    @Inject
    ParkedRetries parkedRetries;

    @Inject
    Event<RunFinished> finished;

    /** Whether other instances share the database (the clustered build); otherwise this instance is the only one. */
    @ConfigProperty(name = "quarkus.quartz.clustered", defaultValue = "false")
    boolean clustered;

    /** This instance's runs, by connection, from the moment they are asked for. */
    private final Map<String, String> running = new ConcurrentHashMap<>();
    /** This instance's runs that hold their connection in the database, by connection. */
    private final Map<String, String> holding = new ConcurrentHashMap<>();
    /** Runs whose connection another instance took over while they were silent. */
    private final Set<String> takenOver = ConcurrentHashMap.newKeySet();
    /** The controls of this instance's runs, by run: a stopping app tells each to take no new record. */
    private final Map<String, RunControl> controls = new ConcurrentHashMap<>();
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
        Log.infof("Instance %s %s", instanceId, clustered ? "shares its database with other instances"
                : "is alone on its database");
        if (!clustered) {
            closeRunsOfStoppedProcess();
        }
        heartbeat.scheduleWithFixedDelay(this::beat, 0, instance.runHeartbeat().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Alone on its database, an instance that starts knows that runs still marked running died with their process. */
    private void closeRunsOfStoppedProcess() {
        int abandoned = runs.abandonAllRunning();
        leases.releaseAll();
        if (abandoned > 0) {
            Log.infof("Closed %d runs left open by a process that stopped; the next runs take over their records",
                    abandoned);
        }
    }

    private void beat() {
        try {
            runs.heartbeat(holding.values());
            holding.forEach((connectionId, runId) -> {
                if (!leases.renew(connectionId, runId, instance.runLease()) && takenOver.add(runId)) {
                    Log.warnf("Run %s of %s was silent too long and another run took over its connection;"
                            + " it claims no more records", runId, connectionId);
                }
            });
            int abandoned = runs.abandonSilent(instance.runLease());
            if (abandoned > 0) {
                Log.infof("Closed %d runs left open by a process that stopped", abandoned);
            }
        } catch (RuntimeException e) {
            Log.warnf("Run heartbeat failed: %s", e.getMessage());
        }
    }

    /** Started with the app, so that runs a killed process left open are closed before anything else runs. */
    void started(@Observes StartupEvent event) {
        Log.debugf("Instance %s takes runs", instanceId);
    }

    /**
     * The app is stopping (SIGTERM): each run takes no new record, the records in hand finish within
     * {@code connect.run-stop-grace}, and the run ends INTERRUPTED; what it did not take waits for the next run.
     */
    void shutdown(@Observes ShutdownEvent event) {
        controls.values().forEach(RunControl::stop);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(instance.runStopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                Log.warnf("Runs still going %s after the app was asked to stop; their records are taken over at the"
                        + " next start", instance.runStopGrace());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        heartbeat.shutdownNow();
    }

    public String instanceId() {
        return instanceId;
    }

    /**
     * Starts a run in the background.
     *
     * @return the run id and a future completed with the finished run
     * @throws UnknownConnectionException when no started route declares the connection (a
     *                                    {@link ConnectionNotStartedException} when its route did not start)
     * @throws RunInProgressException     when the connection is running now
     */
    public StartedRun start(String connectionId, RunRequest request) {
        return start(connectionId, request, exchange -> {
        });
    }

    /** Starts a run whose exchange is prepared further by the caller (replay, test send). */
    public StartedRun start(String connectionId, RunRequest request, Consumer<Exchange> prepare) {
        ConnectionConsumer consumer = registry.find(connectionId)
                .orElseThrow(() -> routeFiles.failure(connectionId).<UnknownConnectionException>map(
                        ConnectionNotStartedException::new).orElseGet(() -> new UnknownConnectionException(connectionId)));
        String runId = UUID.randomUUID().toString();
        String current = running.putIfAbsent(connectionId, runId);
        // a run this instance still has in hand, but which another run took over while it was silent,
        // holds nothing any more (its claims are fenced): it does not keep the connection from running
        if (current != null && (runs.isRunning(current) || !running.replace(connectionId, current, runId))) {
            throw new RunInProgressException(connectionId, current);
        }
        boolean leased = false;
        try {
            Optional<String> holder = leases.acquire(connectionId, runId, instance.runLease());
            if (holder.isPresent()) {
                throw new RunInProgressException(connectionId, holder.get());
            }
            leased = true;
            holding.put(connectionId, runId);
            boolean dryRun = delivery.dryRun() || request.dryRun();
            runs.start(runId, connectionId, request.trigger(), dryRun, request.test(), instanceId);
            // parked records due another try go with every real run, as if replayed
            RunRequest withRetries = request.test() || dryRun ? request
                    : request.alsoReplaying(parkedRetries.takeDue(connectionId));
            CompletableFuture<Run> done = CompletableFuture.supplyAsync(
                    () -> execute(consumer, runId, dryRun, withRetries, prepare), executor);
            return new StartedRun(runId, done);
        } catch (RuntimeException e) {
            if (leased) {
                release(connectionId, runId);
            } else {
                running.remove(connectionId, runId);
            }
            throw e;
        }
    }

    public Optional<String> runningRunId(String connectionId) {
        return Optional.ofNullable(running.get(connectionId));
    }

    /** Lets the connection go, in the database for every instance and here. */
    private void release(String connectionId, String runId) {
        try {
            leases.release(connectionId, runId);
        } catch (RuntimeException e) {
            Log.warnf("Run %s of %s could not let its connection go (the lease expires on its own): %s", runId,
                    connectionId, e.getMessage());
        } finally {
            holding.remove(connectionId, runId);
            running.remove(connectionId, runId);
            takenOver.remove(runId);
        }
    }

    private Run execute(ConnectionConsumer consumer, String runId, boolean dryRun, RunRequest request,
                        Consumer<Exchange> prepare) {
        String connectionId = consumer.connectionId();
        Throwable failure = null;
        RunControl control = new RunControl();
        controls.put(runId, control);
        try {
            Exchange exchange = consumer.newExchange();
            exchange.setProperty(RunControl.PROPERTY, control);
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
        controls.remove(runId);
        try {
            RunCounts counts = runs.counts(runId);
            RunStatus status;
            String error;
            if (control.isStopping()) {
                status = RunStatus.INTERRUPTED;
                error = INTERRUPTED;
            } else {
                status = failure != null ? RunStatus.FAILED
                        : counts.failed() > 0 ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
                error = failure == null ? null : Failures.message(failure);
            }
            if (status == RunStatus.FAILED) {
                Log.errorf("Run %s of connection %s failed: %s", runId, connectionId, PersonalData.mask(error));
            }
            if (!runs.finish(runId, status, counts, error)) {
                // what it did after it was taken over (a link it still stored) is counted too
                runs.recount(runId, counts);
                Log.warnf("Run %s of %s ended after another run had taken over its connection; it stays %s",
                        runId, connectionId, RunStatus.ABANDONED);
            }
            Run run = runs.find(runId).orElseThrow();
            Log.infof("Run %s of %s (%s) ended %s: %d records, %d invoiced, %d delivered, %d failed, %d skipped",
                    runId, connectionId, request.trigger(), run.status(), counts.recordsSeen(), counts.invoiced(),
                    counts.delivered(), counts.failed(), counts.skipped());
            release(connectionId, runId);
            finished.fire(new RunFinished(run));
            return run;
        } finally {
            if (runId.equals(running.get(connectionId))) {
                release(connectionId, runId);
            }
        }
    }

    /** A run that has started; {@link #done()} completes when it ends. */
    public record StartedRun(String runId, CompletableFuture<Run> done) {
    }
}
