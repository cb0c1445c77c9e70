package dev.portmoneconnect.connection;

import java.util.Set;

/**
 * How a run was asked for.
 *
 * @param trigger    what started it: manual, schedule, after:&lt;connection&gt;, replay, test
 * @param replayKeys records to give another go whatever their state or content (empty: none)
 * @param test       a test send: real invoice under a test order number, source records left alone
 * @param dryRun     rehearse: build and record everything, send nothing (also forced by {@code delivery.dry-run})
 */
public record RunRequest(String trigger, Set<String> replayKeys, boolean test, boolean dryRun) {

    public RunRequest {
        replayKeys = Set.copyOf(replayKeys);
    }

    /** The same request, giving these records another go too. */
    public RunRequest alsoReplaying(Set<String> keys) {
        if (keys.isEmpty()) {
            return this;
        }
        Set<String> all = new java.util.HashSet<>(replayKeys);
        all.addAll(keys);
        return new RunRequest(trigger, all, test, dryRun);
    }

    public static RunRequest manual() {
        return new RunRequest("manual", Set.of(), false, false);
    }

    public static RunRequest manualDryRun() {
        return new RunRequest("manual", Set.of(), false, true);
    }

    public static RunRequest scheduled() {
        return new RunRequest("schedule", Set.of(), false, false);
    }

    public static RunRequest after(String upstream) {
        return new RunRequest("after:" + upstream, Set.of(), false, false);
    }

    public static RunRequest testSend() {
        return new RunRequest("test", Set.of(), true, false);
    }

    public static RunRequest replay(Set<String> recordKeys) {
        return new RunRequest("replay", recordKeys, false, false);
    }
}
