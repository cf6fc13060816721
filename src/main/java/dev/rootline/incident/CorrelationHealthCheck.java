package dev.rootline.incident;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows batches that could not be correlated. It stays UP: such a batch fails alone, its entries are stored, and
 * the others go on; taking traffic away would stop them too. A database that is down is its own check's to report.
 */
@Readiness
@ApplicationScoped
public class CorrelationHealthCheck implements HealthCheck {

    private final CorrelationService correlation;

    CorrelationHealthCheck(CorrelationService correlation) {
        this.correlation = correlation;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("correlation").up().withData("failedBatches", correlation.failures());
        correlation
                .lastFailure()
                .ifPresent(
                        f -> response.withData("lastFailure", f.reason()).withData("lastFailureAt", f.at().toString()));
        return response.build();
    }
}
