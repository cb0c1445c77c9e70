package dev.portmoneconnect.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portmoneconnect.api.ApiExceptionMappers.InvalidRequestException;
import dev.portmoneconnect.api.RequestBodies;
import dev.portmoneconnect.connection.ConnectionRegistry;
import dev.portmoneconnect.connection.ReplayService;
import dev.portmoneconnect.connection.RunInProgressException;
import dev.portmoneconnect.connection.RunRequest;
import dev.portmoneconnect.connection.RunService;
import dev.portmoneconnect.connection.TestRecipients;
import dev.portmoneconnect.connection.UnknownConnectionException;
import dev.portmoneconnect.dashboard.Views.ConnectionCard;
import dev.portmoneconnect.dashboard.Views.Forms;
import dev.portmoneconnect.dashboard.Views.Page;
import dev.portmoneconnect.dashboard.Views.RecordOutcome;
import dev.portmoneconnect.dashboard.Views.RunRow;
import dev.portmoneconnect.mapping.FieldError;
import dev.portmoneconnect.preview.ConnectionPreview;
import dev.portmoneconnect.preview.MissingTestRecipientException;
import dev.portmoneconnect.preview.NoRecordsException;
import dev.portmoneconnect.preview.PreviewService;
import dev.portmoneconnect.preview.TestSendService;
import dev.portmoneconnect.reasons.Reasons;
import dev.portmoneconnect.schedule.ConnectionSwitch;
import dev.portmoneconnect.source.SheetSourceException;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The operator's dashboard: server-rendered pages over the same services as the API. Its forms
 * post to small endpoints that answer with a redirect to the page to see next (post, redirect,
 * get), so it works without JavaScript; a refused action shows the page again with the reason.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @Inject
    DashboardData data;

    @Inject
    ConnectionSwitch connectionSwitch;

    @Inject
    ConnectionRegistry registry;

    @Inject
    RunService runService;

    @Inject
    ReplayService replay;

    @Inject
    PreviewService previews;

    @Inject
    TestSendService testSend;

    @Inject
    ObjectMapper json;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(hidden = true)
    public Response overview(@QueryParam("lang") String lang, @QueryParam("notice") String notice,
                             @QueryParam("id") String id) {
        String language = Language.choose(lang, headers);
        Page page = new Page(language, "/", null, notice(notice, id, language), null, 0);
        List<ConnectionCard> connections = data.connections(language);
        int attention = connections.stream().filter(c -> c.attention() != null)
                .mapToInt(c -> c.attention().needed()).sum();
        return html(200, page, Pages.overview(page, connections, attention), lang);
    }

    @GET
    @Path("/connections/{id}")
    @Operation(hidden = true)
    public Response connection(@PathParam("id") String id, @QueryParam("lang") String lang,
                               @QueryParam("notice") String notice) {
        String language = Language.choose(lang, headers);
        return connectionPage(200, id, language, notice(notice, id, language), null, Forms.empty(), lang);
    }

    @GET
    @Path("/runs/{runId}")
    @Operation(hidden = true)
    public Response run(@PathParam("runId") String runId, @QueryParam("lang") String lang) {
        String language = Language.choose(lang, headers);
        RunRow run = data.run(runId, language).orElse(null);
        if (run == null) {
            return problem(404, language, "No run " + runId, "/");
        }
        List<RecordOutcome> records = data.outcomes(runId, language);
        Page page = new Page(language, "/runs/" + runId, run.connection(), null, null, run.running() ? 2 : 0);
        return html(200, page, Pages.run(page, run, records, records.stream().anyMatch(RecordOutcome::replayable)), lang);
    }

    @POST
    @Path("/connections/{id}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response setEnabled(@PathParam("id") String id, @FormParam("enabled") String enabled,
                               @FormParam("back") String back) {
        boolean on = "true".equals(enabled);
        try {
            connectionSwitch.set(id, on);
        } catch (UnknownConnectionException e) {
            return problem(404, Language.choose(null, headers), e.getMessage(), "/");
        }
        String to = ("connection".equals(back) ? "/connections/" + id : "/");
        return redirect(UriBuilder.fromPath(to).queryParam("notice", on ? "on" : "off").queryParam("id", id).build());
    }

    @POST
    @Path("/connections/{id}/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response runNow(@PathParam("id") String id, @FormParam("dryRun") String dryRun) {
        try {
            RunService.StartedRun started = runService.start(id,
                    "true".equals(dryRun) ? RunRequest.manualDryRun() : RunRequest.manual());
            return redirect(URI.create("/runs/" + started.runId()));
        } catch (RunInProgressException | UnknownConnectionException e) {
            return refused(id, e, Forms.empty());
        }
    }

    @POST
    @Path("/connections/{id}/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response preview(@PathParam("id") String id, @FormParam("sample") String sample) {
        String language = Language.choose(null, headers);
        Forms forms = new Forms(nonNull(sample), "", "");
        try {
            ConnectionPreview preview = previews.preview(id, RequestBodies.samples(json, sample), PreviewService.MAX_RECORDS);
            ConnectionCard card = data.connection(id, language);
            Page page = new Page(language, "/connections/" + id, id, null, null, 0);
            return html(200, page, Pages.preview(page, card, data.preview(preview, language), forms), null);
        } catch (InvalidRequestException | NoRecordsException | SheetSourceException | UnknownConnectionException e) {
            return refused(id, e, forms);
        }
    }

    @POST
    @Path("/connections/{id}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response test(@PathParam("id") String id, @FormParam("email") String email,
                         @FormParam("phone") String phone, @FormParam("sample") String sample) {
        Forms forms = new Forms(nonNull(sample), nonNull(email), nonNull(phone));
        try {
            TestRecipients recipients = RequestBodies.testRecipients(email, phone);
            List<Map<String, Object>> samples = RequestBodies.samples(json, sample);
            if (samples.size() > 1) {
                throw RequestBodies.invalid(FieldError.of("sample", "ONE_RECORD_ONLY"));
            }
            RunService.StartedRun started = testSend.send(id, recipients, samples.isEmpty() ? null : samples.get(0));
            return redirect(URI.create("/runs/" + started.runId()));
        } catch (InvalidRequestException | MissingTestRecipientException | NoRecordsException | RunInProgressException
                 | SheetSourceException | UnknownConnectionException e) {
            return refused(id, e, forms);
        }
    }

    @POST
    @Path("/records/{id}/replay")
    @Operation(hidden = true)
    public Response replayRecord(@PathParam("id") long id) {
        try {
            return redirect(URI.create("/runs/" + replay.replayRecord(id).runId()));
        } catch (ReplayService.NothingToReplayException | RunInProgressException e) {
            return problem(409, Language.choose(null, headers), e.getMessage(), "/");
        }
    }

    @POST
    @Path("/runs/{runId}/replay-failed")
    @Operation(hidden = true)
    public Response replayFailed(@PathParam("runId") String runId) {
        try {
            return redirect(URI.create("/runs/" + replay.replayFailed(runId).runId()));
        } catch (ReplayService.NothingToReplayException | RunInProgressException e) {
            return problem(409, Language.choose(null, headers), e.getMessage(), "/runs/" + runId);
        }
    }

    private Response connectionPage(int status, String id, String language, String notice, String error, Forms forms,
                                    String requestedLanguage) {
        ConnectionCard card;
        try {
            card = data.connection(id, language);
        } catch (UnknownConnectionException e) {
            return problem(404, language, e.getMessage(), "/");
        }
        Page page = new Page(language, "/connections/" + id, id, notice, Reasons.show(language, "refusal", null, error), 0);
        return html(status, page, Pages.connection(page, card, data.runs(id, language),
                data.failedRecords(id, language), forms, data.unpaid(id, language)), requestedLanguage);
    }

    private Response refused(String id, RuntimeException e, Forms forms) {
        int status = e instanceof UnknownConnectionException ? 404
                : e instanceof InvalidRequestException || e instanceof MissingTestRecipientException ? 400 : 409;
        return connectionPage(status, id, Language.choose(null, headers), null, e.getMessage(), forms, null);
    }

    private Response problem(int status, String language, String error, String back) {
        Page page = new Page(language, back, null, null, Reasons.show(language, "refusal", null, error), 0);
        return html(status, page, Pages.problem(page, back), null);
    }

    private static Response html(int status, Page page, TemplateInstance content, String requestedLanguage) {
        content.setLocale(Language.locale(page.lang()));
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        NewCookie remember = Language.remember(requestedLanguage);
        if (remember != null) {
            answer.cookie(remember);
        }
        return answer.entity(content.render()).build();
    }

    private static Response redirect(URI to) {
        return Response.seeOther(to).build();
    }

    /** The confirmation a redirect after switching asks for: {@code ?notice=on|off&id=<connection>}. */
    private String notice(String code, String id, String language) {
        if (code == null || id == null || !registry.exists(id)) {
            return null;
        }
        Labels labels = Language.labels(language);
        return switch (code) {
            case "on" -> labels.switchedOn(id);
            case "off" -> labels.switchedOff(id);
            default -> null;
        };
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
