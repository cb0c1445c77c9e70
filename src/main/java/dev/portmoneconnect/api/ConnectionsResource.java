package dev.portmoneconnect.api;

import dev.portmoneconnect.connection.RunRequest;
import dev.portmoneconnect.mapping.FieldError;
import dev.portmoneconnect.connection.RunService;
import dev.portmoneconnect.ledger.RunRepository;
import dev.portmoneconnect.connection.ConnectionRegistry;
import dev.portmoneconnect.connection.RouteFiles;
import dev.portmoneconnect.connection.UnknownConnectionException;
import dev.portmoneconnect.schedule.ConnectionSwitch;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;

@Path("/api/connections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections", description = "List connections, switch them on and off, run them and read their history")
public class ConnectionsResource {

    @Inject
    RunService runService;

    @Inject
    RunRepository runs;

    @Inject
    ConnectionRegistry registry;

    @Inject
    ConnectionOverview overview;

    @Inject
    RouteFiles routeFiles;

    @Inject
    ConnectionSwitch connectionSwitch;

    @GET
    @Operation(summary = "Every connection: trigger in words, next firings, on/off, chain and last run;"
            + " a connection whose route file did not start, with the file, the option and the reason")
    public List<ConnectionView> list() {
        return overview.all();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One connection: trigger in words, next firings, on/off, chain and last run, or why it did not start")
    public ConnectionView one(@PathParam("id") String id) {
        return overview.one(id);
    }

    @PUT
    @Path("/{id}/enabled")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Switch the connection on (true) or off (false); off, nothing starts it but run now")
    public ConnectionView enable(@PathParam("id") String id, String body) {
        connectionSwitch.set(id, enabled(body));
        return overview.one(id);
    }

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
        if (!registry.exists(id) && routeFiles.failure(id).isEmpty()) {
            throw new UnknownConnectionException(id);
        }
        return runs.recent(id, Math.max(1, Math.min(limit, 500))).stream().map(RunView::of).toList();
    }

    private static boolean enabled(String body) {
        String value = body == null ? "" : body.trim().toLowerCase(Locale.ROOT);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).trim();
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw RequestBodies.invalid(FieldError.of("enabled", "NOT_A_SWITCH"));
        };
    }
}
