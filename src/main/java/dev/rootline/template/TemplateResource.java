package dev.rootline.template;

import dev.rootline.app.InvalidQueryException;
import dev.rootline.app.ProblemException;
import dev.rootline.engine.template.SignatureDraft;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

@Path("/api/v1/templates")
public class TemplateResource {

    private static final int MAX_LIMIT = 1000;

    private final TemplateQueries templates;

    TemplateResource(TemplateQueries templates) {
        this.templates = templates;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unknown-error templates, newest first; new=true: those first seen in the revision (or since)")
    public Map<String, List<TemplateSummary>> list(
            @QueryParam("service") String service,
            @QueryParam("revision") String revision,
            @QueryParam("since") String since,
            @QueryParam("new") @DefaultValue("false") boolean onlyNew,
            @QueryParam("limit") @DefaultValue("100") int limit)
            throws SQLException {
        return Map.of(
                "items",
                templates.list(new TemplateQueries.Filter(
                        service,
                        revision,
                        InvalidQueryException.eventTime("since", since).orElse(null),
                        onlyNew,
                        InvalidQueryException.limit(limit, MAX_LIMIT))));
    }

    @POST
    @Path("{id}/signature-draft")
    @Produces("application/yaml")
    @Operation(summary = "A YAML signature draft of the template, its examples real messages, for signatures/")
    public String signatureDraft(@PathParam("id") String id) throws SQLException {
        TemplateSummary t = templates
                .find(id)
                .orElseThrow(() -> new ProblemException(Response.Status.NOT_FOUND, "no template " + id));
        return yaml().dump(SignatureDraft.of(t.id(), t.template(), t.samples()));
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return new Yaml(options);
    }
}
