package dev.rootline.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestPathsTest {

    @ParameterizedTest
    @CsvSource({
        "/api/v1/incidents,        /api/v1/incidents,  true,  false",
        "//api//v1/incidents/,     /api/v1/incidents,  true,  false",
        "/api;x=1/v1/incidents,    /api/v1/incidents,  true,  false",
        "/;a/api/v1/search,        /api/v1/search,     true,  false",
        "/api,                     /api,               true,  false",
        "/apix/v1,                 /apix/v1,           false, false",
        "/api/v1/pubsub/push,      /api/v1/pubsub/push, true, true",
        "/api/v1/pubsub/push/x,    /api/v1/pubsub/push/x, true, false",
        "/q/health/ready,          /q/health/ready,    false, true",
        "/q/healthz,               /q/healthz,         false, false",
        "/q/health/..%2Fapi,       /q/health/..%2Fapi, false, false",
        "/login,                   /login,             false, true",
        "/,                        /,                  false, false"
    })
    void pathsAreJudgedWithoutMatrixParametersOrEmptySegments(
            String normalized, String canonical, boolean api, boolean open) {
        assertThat(RequestPaths.canonical(normalized)).isEqualTo(canonical);
        assertThat(RequestPaths.api(canonical)).as("api").isEqualTo(api);
        assertThat(RequestPaths.open(canonical)).as("open").isEqualTo(open);
    }
}
