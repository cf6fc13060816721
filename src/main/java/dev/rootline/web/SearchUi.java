package dev.rootline.web;

import dev.rootline.app.InvalidQueryException;
import dev.rootline.search.SearchQuery;
import dev.rootline.search.SearchService;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Optional;

@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchUi {

    private static final int PAGE = 100;

    private final SearchService search;

    SearchUi(SearchService search) {
        this.search = search;
    }

    /** Without any field, the empty form; a query that cannot run shows why, above the form. */
    @GET
    public TemplateInstance search(
            @QueryParam("q") String q,
            @QueryParam("service") String service,
            @QueryParam("revision") String revision,
            @QueryParam("severity") String severity,
            @QueryParam("from") String from,
            @QueryParam("to") String to)
            throws IOException {
        SearchView form = new SearchView(q, service, revision, severity, from, to, null, null);
        try {
            return Templates.search(form.withPage(search.search(new SearchQuery(
                    optional(q),
                    optional(service),
                    optional(revision),
                    SearchQuery.severity(TimelineUi.blankToNull(severity)),
                    InvalidQueryException.eventTime("from", TimelineUi.blankToNull(from)),
                    InvalidQueryException.eventTime("to", TimelineUi.blankToNull(to)),
                    PAGE,
                    Optional.empty()))));
        } catch (InvalidQueryException e) {
            return Templates.search(form.withError(e.getMessage()));
        }
    }

    private static Optional<String> optional(String value) {
        return Optional.ofNullable(TimelineUi.blankToNull(value));
    }
}
