package dev.portmoneconnect.source;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sheet runs under way in this instance, by connection: whether their outcomes are written
 * back, and whether they are test sends, whose outcomes must not mark the sheet's rows as done.
 */
@ApplicationScoped
public class SheetRuns {

    private final Map<String, Active> active = new ConcurrentHashMap<>();

    private record Active(String runId, boolean writeBack, boolean test) {
    }

    void started(String connectionId, String runId, boolean writeBack, boolean test) {
        active.put(connectionId, new Active(runId, writeBack, test));
    }

    void ended(String connectionId, String runId) {
        active.computeIfPresent(connectionId, (id, run) -> run.runId().equals(runId) ? null : run);
    }

    boolean writesBack(String connectionId) {
        Active run = active.get(connectionId);
        return run != null && run.writeBack();
    }

    boolean isTest(String connectionId) {
        Active run = active.get(connectionId);
        return run != null && run.test();
    }
}
