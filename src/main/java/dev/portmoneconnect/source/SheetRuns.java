package dev.portmoneconnect.source;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sheet runs under way in this instance, by connection: whose outcomes are to be written back. */
@ApplicationScoped
public class SheetRuns {

    private final Map<String, String> writingBack = new ConcurrentHashMap<>();

    void started(String connectionId, String runId, boolean writeBack) {
        if (writeBack) {
            writingBack.put(connectionId, runId);
        } else {
            writingBack.remove(connectionId);
        }
    }

    void ended(String connectionId, String runId) {
        writingBack.remove(connectionId, runId);
    }

    boolean writesBack(String connectionId) {
        return writingBack.containsKey(connectionId);
    }
}
