package dev.rootline.report;

import dev.rootline.app.InvalidQueryException;
import dev.rootline.app.ProblemException;
import dev.rootline.engine.event.Timestamps;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/services/{service: .+}/report")
public class ReportResource {

    private final ReportService reports;

    ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Produces("text/markdown; charset=utf-8")
    @Operation(summary = "The iteration report: per revision, its verdict, what it fixed, uncovered or regressed")
    public String markdown(
            @PathParam("service") String service,
            @QueryParam("since") String since,
            @QueryParam("until") String until) {
        return reports.report(service, instant("since", since), instant("until", until))
                .map(MarkdownReport::render)
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no service " + service));
    }

    private static Optional<Instant> instant(String name, String value) {
        return InvalidQueryException.eventTime(name, value).map(Timestamps::instant);
    }
}
