package dev.rootline.web;

import dev.rootline.app.ProblemException;
import dev.rootline.search.SearchService;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

@Path("/entries/{key}")
@Produces(MediaType.TEXT_HTML)
public class EntryUi {

    private static final int CONTEXT_LINES = 25;

    private final SearchService search;

    EntryUi(SearchService search) {
        this.search = search;
    }

    @GET
    public TemplateInstance entry(@PathParam("key") String key) throws IOException {
        return Templates.entry(search.context(key, CONTEXT_LINES, CONTEXT_LINES)
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no entry with key " + key)));
    }
}
