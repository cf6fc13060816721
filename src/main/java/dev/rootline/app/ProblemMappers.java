package dev.rootline.app;

import dev.rootline.engine.event.InvalidEntryException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json, with no stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response invalidEntry(InvalidEntryException e) {
        if (e.entryIndex() < 0) {
            return Problem.of(Response.Status.BAD_REQUEST, e.getMessage()).toResponse();
        }
        return new Problem("about:blank", "Bad Request", 400, "entry " + e.entryIndex() + ": " + e.getMessage(),
                e.entryIndex()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e) {
        return Problem.of(Response.Status.BAD_REQUEST, e.getMessage()).toResponse();
    }

    /** The store could not make the write durable: the client should retry, nothing was acknowledged. */
    @ServerExceptionMapper
    public Response unavailable(IOException e) {
        LOG.error("storage failed; the request was not acknowledged", e);
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "storage is unavailable, retry later").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), null)
                .toResponse();
    }
}
