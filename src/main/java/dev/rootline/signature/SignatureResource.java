package dev.rootline.signature;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/signatures")
@Produces(MediaType.APPLICATION_JSON)
public class SignatureResource {

    private final SignatureCatalog catalog;

    SignatureResource(SignatureCatalog catalog) {
        this.catalog = catalog;
    }

    public record Item(
            String id,
            String title,
            String category,
            String role,
            String severity,
            String scope,
            String file,
            long matchCount) {}

    /** @param reloadError why the last reload failed; the listed set is the previous one, still in force */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Items(List<Item> items, String reloadError) {}

    @GET
    @Operation(summary = "The signatures in force, with how many stored events each matched since start")
    public Items list() {
        return new Items(
                catalog.current().signatures().stream()
                        .map(s -> s.definition())
                        .map(d -> new Item(
                                d.id(),
                                d.title(),
                                d.category().yamlName(),
                                d.role().name().toLowerCase(Locale.ROOT),
                                d.severity().name().toLowerCase(Locale.ROOT),
                                d.scope().name().toLowerCase(Locale.ROOT),
                                d.origin().file(),
                                catalog.matchCount(d.id())))
                        .toList(),
                catalog.reloadError().orElse(null));
    }
}
