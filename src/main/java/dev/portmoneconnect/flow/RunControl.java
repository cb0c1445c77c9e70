package dev.portmoneconnect.flow;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Carried by a run's exchange (and so by each record's): tells the steps when the app is stopping,
 * so a run takes no new record and the records it has in hand finish.
 */
public final class RunControl {

    /** The exchange property that holds a run's control. */
    public static final String PROPERTY = "PortmoneConnectRunControl";

    private final AtomicBoolean stopping = new AtomicBoolean();

    public void stop() {
        stopping.set(true);
    }

    public boolean isStopping() {
        return stopping.get();
    }
}
