package dev.rootline.signature;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports a failed signature reload. It stays UP: the previous set is in force and ingest is unaffected, so
 * traffic must not be taken away; the error is in the check's data for whoever edits the files.
 */
@Readiness
@ApplicationScoped
public class SignatureHealthCheck implements HealthCheck {

    private final SignatureCatalog catalog;

    SignatureHealthCheck(SignatureCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("signatures")
                .up()
                .withData("inForce", catalog.current().signatures().size());
        catalog.reloadError().ifPresent(error -> response.withData("reloadError", error));
        return response.build();
    }
}
