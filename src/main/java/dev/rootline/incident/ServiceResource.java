package dev.rootline.incident;

import dev.rootline.app.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    private final ServiceQueries services;

    ServiceResource(ServiceQueries services) {
        this.services = services;
    }

    @GET
    @Operation(summary = "Each service with its latest revision and state, open incidents and last incident")
    public List<ServiceSummary> list() {
        return services.services();
    }

    @GET
    @Path("{service: .+}/timeline")
    @Operation(summary = "A service's revisions and incident events in time order")
    public ServiceTimeline timeline(@PathParam("service") String service) {
        return services.timeline(service)
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no service " + service));
    }
}
