package dev.rootline.web;

import dev.rootline.app.InvalidQueryException;
import dev.rootline.app.ProblemException;
import dev.rootline.engine.rca.IncidentStatus;
import dev.rootline.incident.ServiceHistoryQueries;
import dev.rootline.template.TemplateQueries;
import dev.rootline.template.TemplateSummary;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Path("/services/{service: .+}")
@Produces(MediaType.TEXT_HTML)
public class TimelineUi {

    private static final int NEW_ERRORS = 50;

    private final ServiceHistoryQueries services;
    private final TemplateQueries templates;

    TimelineUi(ServiceHistoryQueries services, TemplateQueries templates) {
        this.services = services;
        this.templates = templates;
    }

    /** @param since, until RFC 3339 event times; status open, resolved or regressed, empty for all */
    @GET
    public TemplateInstance timeline(
            @PathParam("service") String service,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("status") String status)
            throws SQLException {
        Optional<Long> from = InvalidQueryException.eventTime("since", blankToNull(since));
        List<TemplateSummary> newErrors =
                templates.list(new TemplateQueries.Filter(service, null, from.orElse(null), true, NEW_ERRORS));
        return services.history(
                        service,
                        from,
                        InvalidQueryException.eventTime("until", blankToNull(until)),
                        InvalidQueryException.oneOf("status", blankToNull(status), IncidentStatus.class))
                .map(history -> Templates.timeline(TimelineView.of(history, since, until, status), newErrors))
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no service " + service));
    }

    /** An empty form field means no filter. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
