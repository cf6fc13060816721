package dev.rootline.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.Entries;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** Push with OIDC configured: only a valid token from an allowed service account gets through. */
@QuarkusTest
@WithTestResource(JwksFake.class)
class PushOidcTest {

    JwksFake issuer;

    @Test
    void aValidTokenIsAcceptedAndEveryFlawIsRefused() throws Exception {
        RsaJsonWebKey key = issuer.newKey("k1", true);
        assertThat(push(JwksFake.sign(JwksFake.claims(), key))).isEqualTo(200);
        assertThat(push(null)).as("no token").isEqualTo(401);

        JwtClaims audience = JwksFake.claims();
        audience.setAudience("https://someone-else.example.com/push");
        assertThat(push(JwksFake.sign(audience, key))).as("wrong audience").isEqualTo(401);
        JwtClaims issuerClaims = JwksFake.claims();
        issuerClaims.setIssuer("https://evil.example.com");
        assertThat(push(JwksFake.sign(issuerClaims, key))).as("wrong issuer").isEqualTo(401);
        JwtClaims expired = JwksFake.claims();
        expired.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        assertThat(push(JwksFake.sign(expired, key))).as("expired").isEqualTo(401);
        JwtClaims stranger = JwksFake.claims();
        stranger.setClaim("email", "intruder@elsewhere.iam.gserviceaccount.com");
        assertThat(push(JwksFake.sign(stranger, key)))
                .as("a service account not allowed")
                .isEqualTo(401);
        JwtClaims unverified = JwksFake.claims();
        unverified.setClaim("email_verified", false);
        assertThat(push(JwksFake.sign(unverified, key)))
                .as("an unverified email")
                .isEqualTo(401);
        assertThat(push(JwksFake.sign(JwksFake.claims(), issuer.newKey("k-unknown", false))))
                .as("unknown key")
                .isEqualTo(401);
        assertThat(push(tampered(JwksFake.sign(JwksFake.claims(), key))))
                .as("bad signature")
                .isEqualTo(401);
    }

    @Test
    void aKeyRotatedInAfterTheFirstFetchIsFoundByFetchingAgain() throws Exception {
        RsaJsonWebKey first = issuer.newKey("rotation-1", true);
        Thread.sleep(400); // past the last fetch's reprieve, whichever test ran before
        assertThat(push(JwksFake.sign(JwksFake.claims(), first))).isEqualTo(200);
        RsaJsonWebKey rotated = issuer.newKey("rotation-2", true);
        Thread.sleep(400); // jose4j fetches again at most every 300 ms, so made-up key ids cannot flood the issuer
        assertThat(push(JwksFake.sign(JwksFake.claims(), rotated))).isEqualTo(200);
    }

    /** The same token with its payload changed after signing: a longer expiry, say. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(JwksFake.PUSHER, "other@my-project.iam.gserviceaccount.com");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    private static int push(String token) {
        String entry = Entries.stderr("oidc-" + UUID.randomUUID(), "2026-03-02T09:00:00Z", "i-oidc", "hello");
        String envelope = "{\"subscription\":\"projects/p/subscriptions/rootline\",\"message\":{\"data\":\""
                + Base64.getEncoder().encodeToString(entry.getBytes(StandardCharsets.UTF_8))
                + "\",\"messageId\":\"" + UUID.randomUUID() + "\"}}";
        var request = given().contentType("application/json").body(envelope);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/api/v1/pubsub/push").statusCode();
    }
}
