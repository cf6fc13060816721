package dev.rootline.web;

import dev.rootline.incident.ServiceQueries;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ServicesUi {

    private final ServiceQueries services;

    ServicesUi(ServiceQueries services) {
        this.services = services;
    }

    @GET
    public TemplateInstance services() {
        return Templates.services(services.services());
    }
}
