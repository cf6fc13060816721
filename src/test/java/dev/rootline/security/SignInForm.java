package dev.rootline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sign-in form as a browser holds it: its CSRF cookie and the token in its hidden field. */
record SignInForm(RawHttp client, String csrf) {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** Loads the form the way the client's browser would. */
    static SignInForm open(RawHttp client) {
        HttpResponse<String> page = client.get("/login?next=%2Fsearch");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher field = CSRF_FIELD.matcher(page.body());
        assertThat(field.find()).as("the form carries a CSRF token").isTrue();
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("rootline_csrf="))
                .findFirst()
                .orElseThrow()
                .split(";")[0];
        return new SignInForm(client.header("Cookie", cookie), field.group(1));
    }

    HttpResponse<String> post(String token, String next) {
        String body = "csrf-token=" + csrf + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return client.send("POST", "/login", "application/x-www-form-urlencoded", body);
    }

    /** The session cookie a successful sign-in set, with its attributes. */
    static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("rootline_session="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }
}
