package dev.rootline.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sign-in form from elsewhere than this machine: CSRF-checked, a session that is not the token, no open redirect. */
@QuarkusTest
@TestProfile(AccessTest.WithToken.class)
class SignInTest {

    @TestHTTPResource("/")
    URL base;

    private SignInForm openForm() {
        return SignInForm.open(new RawHttp(base.toString()).header("X-Forwarded-For", "203.0.113.9"));
    }

    @Test
    void theRightTokenGivesASessionCookieThatIsNotTheToken() {
        HttpResponse<String> signedIn = openForm().post(AccessTest.TOKEN, "/search");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/search"));
        String cookie = SignInForm.sessionCookie(signedIn);
        assertThat(cookie)
                .doesNotContain(AccessTest.TOKEN)
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .containsIgnoringCase("Max-Age=43200");
        RawHttp browser = new RawHttp(base.toString())
                .header("X-Forwarded-For", "203.0.113.9")
                .header("Cookie", cookie.split(";")[0]);
        assertThat(browser.get("/search").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/v1/incidents").statusCode())
                .as("a page session is not an API token")
                .isIn(401, 403);
        RawHttp tampered = new RawHttp(base.toString())
                .header("X-Forwarded-For", "203.0.113.9")
                .header("Cookie", cookie.split(";")[0] + "x");
        assertThat(tampered.get("/search").statusCode()).isEqualTo(303);
    }

    @Test
    void aPostWithoutTheFormsCsrfTokenSignsNobodyIn() {
        RawHttp foreign = new RawHttp(base.toString())
                .header("X-Forwarded-For", "203.0.113.9")
                .header("Origin", "https://evil.example");
        HttpResponse<String> forged = foreign.send(
                "POST", "/login", "application/x-www-form-urlencoded", "token=" + AccessTest.TOKEN + "&next=/");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("rootline_session="));
    }

    @Test
    void nextGoesOnlyToAPathOnThisSiteAndNeverBreaksTheForm() {
        for (String next : List.of(
                "https://evil.example/",
                "//evil.example/x",
                "/\\evil.example",
                "/a b",
                "/x\r\nSet-Cookie: y=1",
                "javascript:alert(1)",
                "")) {
            HttpResponse<String> response = openForm().post(AccessTest.TOKEN, next);
            assertThat(response.statusCode()).as(next).isEqualTo(303);
            assertThat(response.headers().firstValue("Location"))
                    .as(next)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/").doesNotContain("evil"));
            assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("y="));
        }
        String page = new RawHttp(base.toString()).get("/login?next=%0D%0Ax").body();
        assertThat(page).contains("name=\"next\" value=\"/\"");
    }

    @Test
    void aWrongTokenIsRefusedWithTheFormAgain() {
        HttpResponse<String> refused = openForm().post("not-it", "/");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("not the one Rootline was given");
    }
}
