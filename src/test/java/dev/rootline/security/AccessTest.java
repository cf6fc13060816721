package dev.rootline.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * With a token set, every API operation in the OpenAPI document but push refuses a call without the right token,
 * however its path is spelled; pages want a session from anywhere but this machine.
 */
@QuarkusTest
@TestProfile(AccessTest.WithToken.class)
class AccessTest {

    static final String TOKEN = "s3cret-token-for-tests";
    static final String PUSH = "/api/v1/pubsub/push";

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rootline.api-token", TOKEN);
        }
    }

    @TestHTTPResource("/")
    URL base;

    private record Operation(String method, String path) {}

    /** Spellings of a path that a router may take for the path itself. */
    private static final List<UnaryOperator<String>> SPELLINGS = List.of(
            p -> p,
            p -> p.replaceFirst("^/api", "/%61pi"),
            p -> p.replaceFirst("/v1/", "/%76%31/"),
            p -> p.replaceFirst("^/api", "/API"),
            p -> "/" + p,
            p -> p.replace("/v1/", "//v1//"),
            p -> p.replaceFirst("^/api", "/api;x=1"),
            p -> "/;x" + p,
            p -> p.replaceFirst("^/api", "/api/."),
            p -> p.replaceFirst("^/api", "/q/../api"),
            p -> p.replaceFirst("^/api", "/x/%2e%2e/api"),
            p -> p.replace("/", "%2F").replaceFirst("^%2F", "/"),
            p -> p + "/",
            p -> p + "?x=1#frag");

    private static List<Operation> apiOperations() {
        JsonPath openapi = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().forEach(method -> {
            if (path.startsWith("/api/")) {
                operations.add(new Operation(method.toUpperCase(), path.replaceAll("\\{[^}]+}", "some-id")));
            }
        }));
        return operations;
    }

    @Test
    void everyApiOperationButPushNeedsTheTokenHoweverItsPathIsSpelled() {
        List<Operation> operations = apiOperations();
        assertThat(operations)
                .extracting(Operation::path)
                .contains("/api/v1/entries", "/api/v1/search", "/api/v1/incidents", "/api/v1/quarantine", PUSH);
        RawHttp local = new RawHttp(base.toString());
        RawHttp remote = local.header("X-Forwarded-For", "203.0.113.9");
        for (Operation op : operations) {
            for (UnaryOperator<String> spelling : SPELLINGS) {
                String path = spelling.apply(op.path());
                for (RawHttp client : List.of(
                        local,
                        remote,
                        local.header("Authorization", "Bearer wrong"),
                        local.header("Authorization", "Basic " + TOKEN),
                        local.header("Cookie", "rootline_token=" + TOKEN))) {
                    int status = client.send(op.method(), path, "application/json", "{}")
                            .statusCode();
                    if (op.path().equals(PUSH)) {
                        assertThat(status).as(op.method() + " " + path).isLessThan(500);
                    } else {
                        assertThat(status)
                                .as("without the token: " + op.method() + " " + path)
                                .isIn(400, 401, 303, 404, 405);
                    }
                }
                int withToken = local.header("Authorization", "Bearer " + TOKEN)
                        .send(op.method(), path, "application/json", "{}")
                        .statusCode();
                assertThat(withToken)
                        .as("with the token: " + op.method() + " " + path)
                        .isNotIn(401, 403)
                        .isLessThan(500);
            }
            if (!op.path().equals(PUSH)) {
                assertThat(local.send(op.method(), op.path(), "application/json", "{}")
                                .statusCode())
                        .as(op.toString())
                        .isEqualTo(401);
            }
        }
    }

    @Test
    void theRefusalIsAProblemWithABearerChallenge() {
        given().get("/api/v1/search")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"rootline\"")
                .contentType("application/problem+json");
    }

    @Test
    void operationalEndpointsAndTheSignInFormStayOpen() {
        RawHttp remote = new RawHttp(base.toString()).header("X-Forwarded-For", "203.0.113.9");
        assertThat(remote.get("/q/health").statusCode()).isEqualTo(200);
        assertThat(remote.get("/q/metrics").statusCode()).isEqualTo(200);
        assertThat(remote.get("/login").statusCode()).isEqualTo(200);
        assertThat(remote.get("/rootline.css").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesAreOpenOnThisMachineOnlyWhenNoProxyForwardedTheRequest() {
        RawHttp local = new RawHttp(base.toString());
        assertThat(local.get("/search").statusCode()).isEqualTo(200);
        HttpResponse<String> proxied =
                local.header("X-Forwarded-For", "127.0.0.1, 8.8.8.8").get("/search?q=x");
        assertThat(proxied.statusCode())
                .as("a proxy nobody trusts forwarded it")
                .isEqualTo(303);
        assertThat(proxied.headers().firstValue("Location")).contains("/login?next=%2Fsearch%3Fq%3Dx");
        assertThat(local.header("X-Forwarded-For", "127.0.0.1").get("/").statusCode())
                .isEqualTo(303);
        assertThat(local.header("Forwarded", "for=127.0.0.1").get("/").statusCode())
                .isEqualTo(303);
        assertThat(local.send("POST", "/search", "application/x-www-form-urlencoded", "q=x")
                        .statusCode())
                .as("only reading is open locally")
                .isNotEqualTo(200);
    }

    @Test
    void emptyOrStrangeForwardingHeadersAreAnsweredNotHung() {
        for (String header : List.of(
                "X-Forwarded-For",
                "X-Forwarded-Proto",
                "X-Forwarded-Host",
                "X-Forwarded-Port",
                "Forwarded",
                "X-Forwarded-Ssl",
                "X-Forwarded-Prefix")) {
            for (String value : List.of("", ",", "   ", "::::", "for=", "https, http")) {
                for (String path : List.of("/", "/api/v1/search", "/q/health", "/login")) {
                    String status = SocketHttp.statusLine(base, path, header + ": " + value);
                    assertThat(status)
                            .as(header + ": '" + value + "' on " + path)
                            .matches("HTTP/1.1 [234]\\d\\d .*");
                }
            }
        }
    }

    @Test
    void everyAnswerForbidsFramingAndSniffing() {
        RawHttp local = new RawHttp(base.toString());
        for (String path : List.of("/", "/login", "/search", "/api/v1/search")) {
            HttpResponse<String> response = local.get(path);
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .contains("same-origin");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'", "script-src 'none'"));
        }
    }
}
