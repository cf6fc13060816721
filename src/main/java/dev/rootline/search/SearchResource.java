package dev.rootline.search;

import dev.rootline.app.InvalidQueryException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService search;

    SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @Operation(summary = "Log entries matching Lucene query syntax over the message, newest first")
    public SearchPage search(
            @QueryParam("q") String q,
            @QueryParam("service") String service,
            @QueryParam("revision") String revision,
            @QueryParam("severity") String severity,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("cursor") String cursor)
            throws IOException {
        return search.search(new SearchQuery(
                Optional.ofNullable(q),
                Optional.ofNullable(service),
                Optional.ofNullable(revision),
                SearchQuery.severity(severity),
                InvalidQueryException.eventTime("from", from),
                InvalidQueryException.eventTime("to", to),
                limit,
                Optional.ofNullable(cursor)));
    }
}
