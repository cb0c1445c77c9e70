package dev.portmoneconnect.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.preview.ConnectionPreview;
import dev.portmoneconnect.preview.PreviewService;
import dev.portmoneconnect.preview.TestSendService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/connections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Preview and test send", description = "See what a connection would send, and send one test invoice")
public class PreviewResource {

    @Inject
    PreviewService preview;

    @Inject
    TestSendService testSend;

    @Inject
    ObjectMapper json;

    @POST
    @Path("/{id}/preview")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Preview the connection's next pending records, or the sample records in the body:"
            + " mapped invoice or field errors, the signed createLinkPayment request and the rendered messages."
            + " Sends nothing and changes nothing")
    @RequestBody(required = false, description = "Optional sample: one record (a JSON object) or several (an array of objects)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one record",
                    value = "{\"order_id\": \"1001\", \"name\": \"Іван Петренко\", \"email\": \"ivan@example.com\", \"amount\": \"1 250,50\"}")))
    public ConnectionPreview preview(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("5") int limit,
                                     String body) {
        return preview.preview(id, RequestBodies.samples(json, body), limit);
    }

    @POST
    @Path("/{id}/test")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Send one real test invoice: from the sample in the body or the first pending record, under a"
            + " test order number, to the recipients given (a sample without them goes to its own addresses; a pending"
            + " record needs them: 400 without). The source record stays pending. With wait=true answer when the run"
            + " has ended")
    @RequestBody(required = false, description = "email and/or phone to deliver to instead of the payer"
            + " (a channel without one sends nothing; required without a sample), and optionally a sample record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "to the tester",
                    value = "{\"email\": \"me@shop.example\", \"sample\": {\"order_id\": \"T-1\", \"name\": \"Test Payer\","
                            + " \"email\": \"me@shop.example\", \"amount\": \"1.00\"}}")))
    public Response test(@PathParam("id") String id, @QueryParam("wait") @DefaultValue("false") boolean wait,
                         String body) throws InterruptedException {
        JsonNode request = RequestBodies.object(json, body);
        return RunAnswers.of(testSend.send(id, RequestBodies.testRecipients(request),
                RequestBodies.sample(json, request)), wait);
    }
}
