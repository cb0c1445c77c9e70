package dev.portmoneconnect.api;

import dev.portmoneconnect.connection.ReplayService;
import dev.portmoneconnect.connection.RunService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Replay", description = "Give failed and parked records another go")
public class ReplayResource {

    @Inject
    ReplayService replay;

    @POST
    @Path("/records/{id}/replay")
    @Operation(summary = "Process one failed or parked record again; an existing invoice is re-delivered, never re-created")
    public Response replayRecord(@PathParam("id") long id, @QueryParam("wait") @DefaultValue("false") boolean wait)
            throws InterruptedException {
        return RunAnswers.of(replay.replayRecord(id), wait);
    }

    @POST
    @Path("/runs/{runId}/replay-failed")
    @Operation(summary = "Process again every record that failed or was parked in the run")
    public Response replayFailed(@PathParam("runId") String runId,
                                 @QueryParam("wait") @DefaultValue("false") boolean wait) throws InterruptedException {
        return RunAnswers.of(replay.replayFailed(runId), wait);
    }
}
