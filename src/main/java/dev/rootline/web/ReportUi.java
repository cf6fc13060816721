package dev.rootline.web;

import dev.rootline.app.InvalidQueryException;
import dev.rootline.app.ProblemException;
import dev.rootline.engine.event.Timestamps;
import dev.rootline.report.ReportService;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/services/{service: .+}/report")
@Produces(MediaType.TEXT_HTML)
public class ReportUi {

    private final ReportService reports;

    ReportUi(ReportService reports) {
        this.reports = reports;
    }

    /** @param since, until RFC 3339 event times: the revisions seen between them */
    @GET
    public TemplateInstance report(
            @PathParam("service") String service,
            @QueryParam("since") String since,
            @QueryParam("until") String until) {
        return reports.report(
                        service,
                        InvalidQueryException.eventTime("since", TimelineUi.blankToNull(since))
                                .map(Timestamps::instant),
                        InvalidQueryException.eventTime("until", TimelineUi.blankToNull(until))
                                .map(Timestamps::instant))
                .map(Templates::report)
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no service " + service));
    }
}
