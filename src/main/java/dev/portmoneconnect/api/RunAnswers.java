package dev.portmoneconnect.api;

import dev.portmoneconnect.connection.RunService;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Answers a request that started a run: at once (202), or when the run has ended (200). */
final class RunAnswers {

    static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private RunAnswers() {
    }

    static Response of(RunService.StartedRun started, boolean wait) throws InterruptedException {
        if (wait) {
            try {
                return Response.ok(RunView.of(started.done().get(MAX_WAIT.toSeconds(), TimeUnit.SECONDS))).build();
            } catch (ExecutionException | TimeoutException e) {
                // the run goes on; answer as for a run that has not ended
            }
        }
        return Response.accepted(new StartedView(started.runId(), "RUNNING")).build();
    }

    /** The answer to a run that has started but not ended. */
    public record StartedView(String runId, String status) {
    }
}
