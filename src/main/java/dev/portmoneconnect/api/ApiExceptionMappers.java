package dev.portmoneconnect.api;

import dev.portmoneconnect.connection.ConnectionNotStartedException;
import dev.portmoneconnect.connection.ReplayService;
import dev.portmoneconnect.connection.RunInProgressException;
import dev.portmoneconnect.connection.UnknownConnectionException;
import dev.portmoneconnect.ledger.StoreBackup;
import dev.portmoneconnect.preview.MissingTestRecipientException;
import dev.portmoneconnect.preview.NoRecordsException;
import dev.portmoneconnect.source.SheetSourceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the service's refusals into HTTP answers. */
public class ApiExceptionMappers {

    @ServerExceptionMapper
    public Response unknownConnection(UnknownConnectionException e) {
        return Response.status(404).type(MediaType.APPLICATION_JSON).entity(ApiError.of(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response notStarted(ConnectionNotStartedException e) {
        return Response.status(409).type(MediaType.APPLICATION_JSON).entity(ApiError.of(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response running(RunInProgressException e) {
        return Response.status(409).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(e.getMessage(), e.runningRunId())).build();
    }

    @ServerExceptionMapper
    public Response nothingToReplay(ReplayService.NothingToReplayException e) {
        return Response.status(e.missing() ? 404 : 409).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response noRecords(NoRecordsException e) {
        return Response.status(409).type(MediaType.APPLICATION_JSON).entity(ApiError.of(e.getMessage())).build();
    }

    /** A sheet that cannot be read as the route says (a range without its header row, Google refusing). */
    @ServerExceptionMapper
    public Response unreadableSheet(SheetSourceException e) {
        return Response.status(409).type(MediaType.APPLICATION_JSON).entity(ApiError.of(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response noTester(MissingTestRecipientException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(ApiError.of(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response notEmbedded(StoreBackup.UnsupportedStoreException e) {
        return Response.status(409).type(MediaType.APPLICATION_JSON).entity(ApiError.of(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Response.status(404).type(MediaType.APPLICATION_JSON).entity(ApiError.of(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(ApiError.of(e.getMessage())).build();
    }

    /** The request cannot be used as it is; the message names what is wrong. */
    public static class InvalidRequestException extends RuntimeException {
        public InvalidRequestException(String message) {
            super(message);
        }
    }

    /** Something the API was asked for does not exist. */
    public static class NotFoundException extends RuntimeException {
        public NotFoundException(String message) {
            super(message);
        }
    }
}
