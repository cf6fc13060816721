package dev.rootline.web;

import dev.rootline.app.InvalidQueryException;
import dev.rootline.app.ProblemException;
import dev.rootline.engine.rca.IncidentStatus;
import dev.rootline.incident.ServiceQueries;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/services/{service: .+}")
@Produces(MediaType.TEXT_HTML)
public class TimelineUi {

    private final ServiceQueries services;

    TimelineUi(ServiceQueries services) {
        this.services = services;
    }

    /** @param since, until RFC 3339 event times; status open, resolved or regressed, empty for all */
    @GET
    public TemplateInstance timeline(@PathParam("service") String service, @QueryParam("since") String since,
                                     @QueryParam("until") String until, @QueryParam("status") String status) {
        return services.history(service, InvalidQueryException.eventTime("since", blankToNull(since)),
                        InvalidQueryException.eventTime("until", blankToNull(until)),
                        InvalidQueryException.oneOf("status", blankToNull(status), IncidentStatus.class))
                .map(history -> Templates.timeline(TimelineView.of(history, since, until, status)))
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no service " + service));
    }

    /** An empty form field means no filter. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
