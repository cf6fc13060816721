package dev.rootline.notify;

import dev.rootline.app.InvalidQueryException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private static final int MAX_LIMIT = 500;

    private final AlertService alerts;

    AlertResource(AlertService alerts) {
        this.alerts = alerts;
    }

    @GET
    @Operation(summary = "Slack alerts, newest first, optionally of one status: pending, sent, failed or suppressed")
    public AlertJson.Page list(
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return alerts.list(
                InvalidQueryException.oneOf("status", status, AlertStatus.class),
                Optional.ofNullable(cursor),
                InvalidQueryException.limit(limit, MAX_LIMIT));
    }

    @POST
    @Path("test")
    @Operation(summary = "Queues a test message on a route; the answer is the queued alert")
    public Response test(@QueryParam("route") @DefaultValue(AlertRoutes.DEFAULT) String route) {
        return Response.accepted(alerts.test(route)).build();
    }
}
