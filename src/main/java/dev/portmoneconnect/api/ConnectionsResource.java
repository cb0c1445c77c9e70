package dev.portmoneconnect.api;

import dev.portmoneconnect.connection.RunRequest;
import dev.portmoneconnect.connection.RunService;
import dev.portmoneconnect.ledger.RunRepository;
import dev.portmoneconnect.connection.ConnectionRegistry;
import dev.portmoneconnect.connection.UnknownConnectionException;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/connections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections", description = "Run connections and read their history")
public class ConnectionsResource {

    @Inject
    RunService runService;

    @Inject
    RunRepository runs;

    @Inject
    ConnectionRegistry registry;

    @POST
    @Path("/{id}/run")
    @Operation(summary = "Run the connection now; with wait=true answer when the run has ended;"
            + " with dryRun=true build and record everything but send nothing")
    public Response run(@PathParam("id") String id, @QueryParam("wait") @DefaultValue("false") boolean wait,
                        @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) throws InterruptedException {
        return RunAnswers.of(runService.start(id, dryRun ? RunRequest.manualDryRun() : RunRequest.manual()), wait);
    }

    @GET
    @Path("/{id}/runs")
    @Operation(summary = "The connection's latest runs, newest first")
    public List<RunView> runs(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (!registry.exists(id)) {
            throw new UnknownConnectionException(id);
        }
        return runs.recent(id, Math.max(1, Math.min(limit, 500))).stream().map(RunView::of).toList();
    }
}
