package dev.rootline.incident;

import dev.rootline.app.InvalidQueryException;
import dev.rootline.app.ProblemException;
import dev.rootline.engine.rca.IncidentStatus;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    static final int MAX_LIMIT = 500;

    private final IncidentQueries incidents;

    IncidentResource(IncidentQueries incidents) {
        this.incidents = incidents;
    }

    @GET
    @Operation(summary = "Incidents, best root cause first: active before resolved, then by severity, then by recency")
    public IncidentPage list(
            @QueryParam("service") String service,
            @QueryParam("status") String status,
            @QueryParam("revision") String revision,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("cursor") String cursor) {
        return incidents.list(new IncidentFilter(
                Optional.ofNullable(service),
                InvalidQueryException.oneOf("status", status, IncidentStatus.class),
                Optional.ofNullable(revision),
                InvalidQueryException.eventTime("since", since),
                InvalidQueryException.eventTime("until", until),
                InvalidQueryException.limit(limit, MAX_LIMIT),
                Optional.ofNullable(cursor)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One incident with its chain as five whys, evidence, revisions and timeline")
    public IncidentDetail get(@PathParam("id") String id) {
        return incidents
                .get(id)
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no incident " + id));
    }
}
