package dev.portmoneconnect.schedule;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides each connection's next firing and hands it to Quartz, keeping a copy in the database so
 * that a firing missed while the app was down is noticed at start-up.
 */
@ApplicationScoped
public class SchedulePlanner {

    @Inject
    QuartzPlans quartz;

    @Inject
    ConnectionStates states;

    @Inject
    Clock clock;

    /**
     * The connection's route started (at start-up or after a reload). A plan Quartz still holds
     * for the same schedule goes on (its stored copy is written only when it differs); a firing
     * planned before the app stopped and now past, by this schedule or by the one the route file
     * had before it was edited, is handed to Quartz as it was, which delivers it at once as a missed
     * firing (caught up or skipped by the connection's {@code misfire}, then the new schedule goes
     * on from now); otherwise the schedule is planned from now, as if just set.
     */
    void started(ConnectionTrigger trigger) {
        String connectionId = trigger.connectionId();
        ConnectionState state = states.findOrCreate(connectionId, trigger.initiallyEnabled());
        if (!state.enabled() || trigger.schedule().isEmpty()) {
            stop(connectionId);
            return;
        }
        String scheduleKey = trigger.scheduleKey().orElseThrow();
        Optional<FirePlan> held = quartz.find(connectionId);
        if (held.isPresent() && scheduleKey.equals(held.get().scheduleKey())) {
            if (!state.nextFireAt().equals(Optional.of(held.get().at()))) {
                states.savePlan(connectionId, held.get().at());
            }
            return;
        }
        Instant now = clock.instant();
        Optional<Instant> missed = held.map(FirePlan::at).or(state::nextFireAt).filter(at -> at.isBefore(now));
        if (missed.isPresent()) {
            Log.infof("Connection %s missed its firing at %s while the app was down%s", connectionId, missed.get(),
                    held.isPresent() ? " (planned by its schedule before the route file changed)" : "");
            plan(connectionId, missed.get(), scheduleKey);
            return;
        }
        planFromNow(trigger);
    }

    /** The switch was turned on: the schedule is set now. */
    void switchedOn(ConnectionTrigger trigger) {
        if (trigger.schedule().isPresent()) {
            planFromNow(trigger);
        }
    }

    /** The switch was turned off: nothing is planned. */
    void stop(String connectionId) {
        quartz.cancel(connectionId);
        states.clearPlan(connectionId);
    }

    /**
     * Plans the firing after one planned at {@code planned}. When that is already past (the firing
     * came late), the schedule starts again from now, so missed firings are never replayed.
     */
    void planAfter(ConnectionTrigger trigger, Instant planned) {
        FireSchedule schedule = trigger.schedule().orElseThrow();
        Instant now = clock.instant();
        Optional<Instant> next = schedule.nextAfter(planned).filter(at -> at.isAfter(now));
        if (next.isEmpty()) {
            next = schedule.first(clock);
        }
        planOrStop(trigger, next);
    }

    /** The firing Quartz holds for the connection, if any. */
    public Optional<FirePlan> planned(String connectionId) {
        return quartz.find(connectionId);
    }

    private void planFromNow(ConnectionTrigger trigger) {
        planOrStop(trigger, trigger.schedule().orElseThrow().first(clock));
    }

    private void planOrStop(ConnectionTrigger trigger, Optional<Instant> next) {
        if (next.isEmpty()) {
            Log.infof("Connection %s: its schedule (%s) fires no more", trigger.connectionId(), trigger.describe());
            stop(trigger.connectionId());
            return;
        }
        plan(trigger.connectionId(), next.get(), trigger.scheduleKey().orElseThrow());
    }

    private void plan(String connectionId, Instant at, String scheduleKey) {
        quartz.plan(connectionId, new FirePlan(at, scheduleKey));
        states.savePlan(connectionId, at);
        Log.debugf("Connection %s fires next at %s", connectionId, at);
    }
}
