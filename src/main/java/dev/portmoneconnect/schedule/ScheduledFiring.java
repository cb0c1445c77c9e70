package dev.portmoneconnect.schedule;

import dev.portmoneconnect.connection.RouteFiles;
import dev.portmoneconnect.connection.RunInProgressException;
import dev.portmoneconnect.connection.RunRequest;
import dev.portmoneconnect.connection.RunService;
import dev.portmoneconnect.connection.UnknownConnectionException;
import dev.portmoneconnect.schedule.Firing.Outcome;
import io.quarkus.arc.Unremovable;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a connection's schedule does when Quartz fires it: plan the next firing, then start a run
 * unless the connection is switched off, the firing was missed and the connection skips missed
 * firings, or the connection is running already (the firing is then coalesced into that run).
 */
@ApplicationScoped
@Unremovable
public class ScheduledFiring {

    /** A firing this late was missed (the app was down or stalled), like Quartz's default misfire threshold. */
    static final Duration MISSED_AFTER = Duration.ofMinutes(1);

    static final String CAUSE = "schedule";

    @Inject
    ConnectionTriggers triggers;

    @Inject
    ConnectionStates states;

    @Inject
    RouteFiles routeFiles;

    @Inject
    SchedulePlanner planner;

    @Inject
    RunService runs;

    @Inject
    Event<Firing> firings;

    void fire(String connectionId, Instant planned, Instant fired) {
        Optional<ConnectionTrigger> trigger = triggers.find(connectionId).filter(t -> t.schedule().isPresent());
        if (trigger.isEmpty()) {
            if (routeFiles.started()) {
                Log.infof("Connection %s is not started; its schedule stops until its route starts", connectionId);
                states.clearPlan(connectionId);
            } else {
                // Quartz starts before the route files: the stored plan stays, and is handed over
                // again as a missed firing when the connection's route starts
                Log.infof("Connection %s fired at %s before its route started; it fires again once it has",
                        connectionId, planned);
            }
            announce(connectionId, planned, Outcome.NOT_RUNNING, null);
            return;
        }
        if (!states.isEnabled(connectionId)) {
            states.clearPlan(connectionId);
            announce(connectionId, planned, Outcome.SWITCHED_OFF, null);
            return;
        }
        planner.planAfter(trigger.get(), planned);
        boolean missed = Duration.between(planned, fired).compareTo(MISSED_AFTER) > 0;
        if (missed && trigger.get().misfire() == Misfire.SKIP) {
            Log.infof("Connection %s missed its firing at %s; skipped (misfire=skip)", connectionId, planned);
            announce(connectionId, planned, Outcome.MISSED_SKIPPED, null);
            return;
        }
        try {
            String runId = runs.start(connectionId, RunRequest.scheduled()).runId();
            if (missed) {
                Log.infof("Connection %s missed its firing at %s; run %s catches up", connectionId, planned, runId);
            }
            announce(connectionId, planned, missed ? Outcome.CAUGHT_UP : Outcome.STARTED, runId);
        } catch (RunInProgressException e) {
            Log.infof("Connection %s fired at %s while run %s was going on; no second run", connectionId, planned,
                    e.runningRunId());
            announce(connectionId, planned, Outcome.COALESCED, e.runningRunId());
        } catch (UnknownConnectionException e) {
            announce(connectionId, planned, Outcome.NOT_RUNNING, null);
        }
    }

    private void announce(String connectionId, Instant planned, Outcome outcome, String runId) {
        Log.debugf("Connection %s: firing planned at %s delivered here: %s, run %s", connectionId, planned, outcome,
                runId);
        firings.fire(new Firing(connectionId, CAUSE, planned, outcome, runId));
    }
}
