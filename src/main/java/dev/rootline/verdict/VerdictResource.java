package dev.rootline.verdict;

import dev.rootline.app.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/v1/services/{service: .+}/revisions/{revision}/verdict")
@Produces(MediaType.APPLICATION_JSON)
public class VerdictResource {

    private final VerdictService verdicts;

    VerdictResource(VerdictService verdicts) {
        this.verdicts = verdicts;
    }

    @GET
    @Operation(summary = "Whether a revision is good (pass, fail, pending, nodata), why, and what it changed")
    public CompletionStage<VerdictReport> verdict(
            @PathParam("service") String service,
            @PathParam("revision") String revision,
            @Parameter(description = "ISO-8601 duration (PT5M) to hold the request while the verdict is pending")
                    @QueryParam("wait")
                    String wait) {
        return verdicts.await(service, revision, wait == null ? Duration.ZERO : duration(wait));
    }

    private static Duration duration(String wait) {
        try {
            Duration d = Duration.parse(wait);
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new ProblemException(
                Response.Status.BAD_REQUEST, "wait must be an ISO-8601 duration such as PT5M, not " + wait);
    }
}
