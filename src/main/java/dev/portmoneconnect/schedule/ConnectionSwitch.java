package dev.portmoneconnect.schedule;

import dev.portmoneconnect.connection.UnknownConnectionException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The on/off switch of a connection. Off, neither its schedule nor its upstream connection starts
 * it; its webhook still accepts records and "run now" still works. On again, its schedule is
 * planned as if just set.
 */
@ApplicationScoped
public class ConnectionSwitch {

    @Inject
    ConnectionTriggers triggers;

    @Inject
    ConnectionStates states;

    @Inject
    SchedulePlanner planner;

    /** @throws UnknownConnectionException when no started route declares the connection */
    public void set(String connectionId, boolean enabled) {
        ConnectionTrigger trigger = triggers.find(connectionId)
                .orElseThrow(() -> new UnknownConnectionException(connectionId));
        states.findOrCreate(connectionId, trigger.initiallyEnabled());
        if (!states.setEnabled(connectionId, enabled)) {
            return;
        }
        Log.infof("Connection %s switched %s", connectionId, enabled ? "on" : "off");
        if (enabled) {
            planner.switchedOn(trigger);
        } else {
            planner.stop(connectionId);
        }
    }

    public boolean isEnabled(String connectionId) {
        return states.isEnabled(connectionId);
    }
}
