package dev.rootline.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behind a configured proxy on this machine: the client is the rightmost untrusted hop, HTTPS is believed. */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindProxy.class)
class TrustedProxyTest {

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "rootline.api-token",
                    AccessTest.TOKEN,
                    "rootline.security.trusted-proxies",
                    "127.0.0.1/32,::1",
                    "rootline.security.login-attempts",
                    "3");
        }
    }

    @TestHTTPResource("/")
    URL base;

    private RawHttp via(String forwardedFor) {
        return new RawHttp(base.toString()).header("X-Forwarded-For", forwardedFor);
    }

    @Test
    void aClientCannotPassForThisMachineByWritingItsAddressFirst() {
        assertThat(via("127.0.0.1, 8.8.8.8").get("/search").statusCode()).isEqualTo(303);
        assertThat(via("127.0.0.1").get("/search").statusCode())
                .as("forwarded for a local browser")
                .isEqualTo(200);
        assertThat(via("").get("/search").statusCode())
                .as("no client address at all")
                .isEqualTo(303);
    }

    @Test
    void httpsFromTheProxyMakesTheSessionCookieSecure() {
        RawHttp client = via("198.51.100.20").header("X-Forwarded-Proto", "https");
        HttpResponse<String> signedIn = post(client, AccessTest.TOKEN);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("rootline_session=").containsIgnoringCase("Secure"));
        HttpResponse<String> plain = post(via("198.51.100.21"), AccessTest.TOKEN);
        assertThat(plain.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("rootline_session=").doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void failedSignInsSlowDownThatClientOnly() {
        RawHttp guesser = via("198.51.100.66");
        for (int i = 0; i < 3; i++) {
            assertThat(post(guesser, "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> slowed = post(guesser, AccessTest.TOKEN);
        assertThat(slowed.statusCode()).as("even the right token waits").isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
        assertThat(post(via("198.51.100.67"), AccessTest.TOKEN).statusCode()).isEqualTo(303);
    }

    private static HttpResponse<String> post(RawHttp client, String token) {
        return SignInForm.open(client).post(token, "/");
    }
}
