package dev.portmoneconnect.schedule;

import dev.portmoneconnect.connection.RunFinished;
import dev.portmoneconnect.connection.RunInProgressException;
import dev.portmoneconnect.connection.RunRequest;
import dev.portmoneconnect.connection.RunService;
import dev.portmoneconnect.ledger.Run;
import dev.portmoneconnect.schedule.Firing.Outcome;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Starts the connections declared to run after a connection when a run of it ends (test sends
 * excepted), if the run ended the way their {@code afterOutcome} asks and they are switched on.
 */
@ApplicationScoped
public class AfterChain {

    @Inject
    ConnectionTriggers triggers;

    @Inject
    ConnectionStates states;

    @Inject
    RunService runs;

    @Inject
    Event<Firing> firings;

    void onRunFinished(@Observes RunFinished finished) {
        Run upstream = finished.run();
        if (upstream.test()) {
            return;
        }
        for (ConnectionTrigger downstream : triggers.downstreamOf(upstream.connectionId())) {
            try {
                start(downstream, upstream);
            } catch (RuntimeException e) {
                Log.errorf(e, "Connection %s could not start after %s", downstream.connectionId(),
                        upstream.connectionId());
            }
        }
    }

    private void start(ConnectionTrigger downstream, Run upstream) {
        String connectionId = downstream.connectionId();
        String cause = RunRequest.after(upstream.connectionId()).trigger();
        if (!downstream.afterOutcome().startsAfter(upstream.status())) {
            Log.infof("Connection %s not started: %s ended %s (afterOutcome=%s)", connectionId,
                    upstream.connectionId(), upstream.status(), downstream.afterOutcome().code());
            firings.fire(new Firing(connectionId, cause, null, Outcome.UPSTREAM_OUTCOME, null));
            return;
        }
        if (!states.isEnabled(connectionId)) {
            Log.infof("Connection %s not started after %s: switched off", connectionId, upstream.connectionId());
            firings.fire(new Firing(connectionId, cause, null, Outcome.SWITCHED_OFF, null));
            return;
        }
        try {
            String runId = runs.start(connectionId, RunRequest.after(upstream.connectionId())).runId();
            firings.fire(new Firing(connectionId, cause, null, Outcome.STARTED, runId));
        } catch (RunInProgressException e) {
            Log.infof("Connection %s was running when %s finished; no second run", connectionId,
                    upstream.connectionId());
            firings.fire(new Firing(connectionId, cause, null, Outcome.COALESCED, e.runningRunId()));
        }
    }
}
