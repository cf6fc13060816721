package dev.rootline.web;

import dev.rootline.app.ProblemException;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/incidents/{id}")
@Produces(MediaType.TEXT_HTML)
public class IncidentUi {

    private final IncidentViews views;

    IncidentUi(IncidentViews views) {
        this.views = views;
    }

    @GET
    public TemplateInstance incident(@PathParam("id") String id) {
        return Templates.incident(
                views.view(id).orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no incident " + id)));
    }
}
