package dev.rootline.app;

import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.incident.CorrelationFailedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json, with no stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** How long a client is asked to wait after a 503: the store reopens itself within seconds of a fault. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** A 503 says when to come back: every cause of one here passes within seconds. */
    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().status() == 503
                ? retryLater(e.getMessage())
                : e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response invalidEntry(InvalidEntryException e) {
        if (e.entryIndex() < 0) {
            return Problem.of(Response.Status.BAD_REQUEST, e.getMessage()).toResponse();
        }
        return new Problem(
                        "about:blank",
                        "Bad Request",
                        400,
                        "entry " + e.entryIndex() + ": " + e.getMessage(),
                        e.entryIndex())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e) {
        return Problem.of(Response.Status.BAD_REQUEST, e.getMessage()).toResponse();
    }

    /** The store could not make the write durable: the client should retry, nothing was acknowledged. */
    @ServerExceptionMapper
    public Response unavailable(IOException e) {
        LOG.error("storage failed; the request was not acknowledged", e);
        return retryLater("storage is unavailable, retry later");
    }

    /** Stored, but not correlated: sending the same entries again is free (dedup) and retries correlation. */
    @ServerExceptionMapper
    public Response uncorrelated(CorrelationFailedException e) {
        return retryLater("the entries are stored but could not be correlated; send them again to retry");
    }

    private static Response retryLater(String detail) {
        return Response.fromResponse(
                        Problem.of(Response.Status.SERVICE_UNAVAILABLE, detail).toResponse())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), null)
                .toResponse();
    }
}
