package dev.rootline.search;

import dev.rootline.app.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A root resource of its own: JAX-RS picks the root by @Path first, and IngestResource owns /api/v1/entries. */
@Path("/api/v1/entries/{key}/context")
@Produces(MediaType.APPLICATION_JSON)
public class EntryContextResource {

    private final SearchService search;

    EntryContextResource(SearchService search) {
        this.search = search;
    }

    @GET
    @Operation(summary = "The entries around one entry on the same instance, in time order")
    public LogStore.EntryContext context(
            @PathParam("key") String key,
            @QueryParam("before") @DefaultValue("20") int before,
            @QueryParam("after") @DefaultValue("20") int after)
            throws IOException {
        return search.context(key, before, after)
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no entry with key " + key));
    }
}
