package dev.portmoneconnect.connection;

/** A connection never runs twice at once. */
public class RunInProgressException extends RuntimeException {

    private final String runningRunId;

    public RunInProgressException(String connectionId, String runningRunId) {
        super("Connection '" + connectionId + "' is running now (run " + runningRunId + ")");
        this.runningRunId = runningRunId;
    }

    public String runningRunId() {
        return runningRunId;
    }
}
