package dev.rootline.source;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code /q/health/group/sources}: each source, down while its last poll failed. A group of its own, not
 * readiness: a source failing to pull is no reason to stop taking pushes.
 */
@HealthGroup("sources")
@ApplicationScoped
class SourceHealth implements HealthCheck {

    private final SourceStates sources;

    SourceHealth(SourceStates sources) {
        this.sources = sources;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("pull sources").up();
        sources.all().forEach((name, state) -> {
            response.withData(
                    name,
                    state.standby()
                            ? "standby: another replica polls it"
                            : state.healthy()
                                    ? "up, " + state.entries() + " entries"
                                    : "down after " + state.failures() + " failures: " + state.lastError());
            if (!state.healthy()) {
                response.down();
            }
        });
        return response.build();
    }
}
