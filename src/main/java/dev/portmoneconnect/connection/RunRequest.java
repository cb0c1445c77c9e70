package dev.portmoneconnect.connection;

/**
 * How a run was asked for.
 *
 * @param trigger what started it: manual, schedule, after:&lt;connection&gt;, replay, test
 * @param replay  give failed and parked records another go, whatever their content
 * @param test    a test send: real invoice under a test order number, source records left alone
 * @param dryRun  rehearse: build and record everything, send nothing (also forced by {@code delivery.dry-run})
 */
public record RunRequest(String trigger, boolean replay, boolean test, boolean dryRun) {

    public static RunRequest manual() {
        return new RunRequest("manual", false, false, false);
    }

    public static RunRequest manualDryRun() {
        return new RunRequest("manual", false, false, true);
    }

    public static RunRequest scheduled() {
        return new RunRequest("schedule", false, false, false);
    }

    public static RunRequest after(String upstream) {
        return new RunRequest("after:" + upstream, false, false, false);
    }
}
