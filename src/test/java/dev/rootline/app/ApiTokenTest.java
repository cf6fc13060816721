package dev.rootline.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * With a token configured, every /api operation in the OpenAPI document but push refuses anonymous calls, and the
 * pages want the token from anywhere but this machine.
 */
@QuarkusTest
@TestProfile(ApiTokenTest.WithToken.class)
class ApiTokenTest {

    static final String TOKEN = "s3cret-token-for-tests";

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rootline.api-token", TOKEN);
        }
    }

    private record Operation(String method, String path) {
    }

    private static List<Operation> apiOperations() {
        JsonPath openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().forEach(method -> {
            if (path.startsWith("/api/")) {
                operations.add(new Operation(method, path.replaceAll("\\{[^}]+}", "some-id")));
            }
        }));
        return operations;
    }

    @Test
    void everyApiOperationButPushNeedsTheToken() {
        List<Operation> operations = apiOperations();
        assertThat(operations).extracting(Operation::path)
                .contains("/api/v1/entries", "/api/v1/search", "/api/v1/quarantine", "/api/v1/pubsub/push");
        for (Operation op : operations) {
            int anonymous = given().contentType("application/json").body("{}").request(op.method(), op.path()).statusCode();
            int wrongToken = given().auth().oauth2("wrong").contentType("application/json").body("{}")
                    .request(op.method(), op.path()).statusCode();
            int withToken = given().auth().oauth2(TOKEN).contentType("application/json").body("{}")
                    .request(op.method(), op.path()).statusCode();
            if (op.path().equals(ApiTokenFilter.PUSH_PATH)) {
                assertThat(anonymous).as(op.toString()).isNotEqualTo(401);
            } else {
                assertThat(anonymous).as(op.toString()).isEqualTo(401);
                assertThat(wrongToken).as(op.toString()).isEqualTo(401);
                assertThat(withToken).as(op.toString()).isNotEqualTo(401);
            }
        }
    }

    @Test
    void theRefusalIsAProblemWithABearerChallenge() {
        given().get("/api/v1/search").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"rootline\"")
                .contentType("application/problem+json");
    }

    @Test
    void operationalEndpointsStayOpen() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void pagesAreOpenOnThisMachineAndNeedTheTokenFromElsewhere() {
        String remote = "203.0.113.9";
        given().redirects().follow(false).get("/search").then().statusCode(200);
        given().redirects().follow(false).header("X-Forwarded-For", remote).get("/search?q=x").then().statusCode(303)
                .header("Location", Matchers.endsWith("/login?next=%2Fsearch%3Fq%3Dx"));
        given().header("X-Forwarded-For", remote).formParam("token", "wrong").formParam("next", "/search")
                .post("/login").then().statusCode(401);
        String cookie = given().redirects().follow(false).header("X-Forwarded-For", remote).formParam("token", TOKEN)
                .formParam("next", "https://evil.example/").post("/login").then().statusCode(303)
                .header("Location", Matchers.endsWith("/"))
                .header("Set-Cookie", Matchers.containsString("HttpOnly"))
                .extract().cookie("rootline_token");
        assertThat(cookie).isEqualTo(TOKEN);
        given().redirects().follow(false).header("X-Forwarded-For", remote).cookie("rootline_token", TOKEN)
                .get("/search").then().statusCode(200);
        given().redirects().follow(false).header("X-Forwarded-For", remote).cookie("rootline_token", "nope")
                .get("/").then().statusCode(303);
    }
}
