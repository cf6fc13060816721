package dev.rootline.ingest;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Google's token issuer in miniature: RSA keys generated here, their public halves served as a JWKS on a local
 * port, and tokens signed with them. Configures Rootline's push OIDC to trust it.
 */
public class JwksFake implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER = "https://accounts.google.com";
    static final String AUDIENCE = "https://rootline.example.com/api/v1/pubsub/push";
    static final String PUSHER = "pubsub-push@my-project.iam.gserviceaccount.com";

    private final List<RsaJsonWebKey> published = new ArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/certs", exchange -> {
            byte[] body;
            synchronized (published) {
                body = new JsonWebKeySet(new ArrayList<JsonWebKey>(published))
                        .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                        .getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return Map.of(
                "rootline.pubsub.oidc-audience",
                AUDIENCE,
                "rootline.pubsub.oidc-jwks-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/certs",
                "rootline.pubsub.oidc-service-accounts",
                PUSHER + ",other@my-project.iam.gserviceaccount.com");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.MatchesType(JwksFake.class));
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    /** A new key; published, it is in the JWKS from now on (a rotation), else only the test knows it. */
    RsaJsonWebKey newKey(String kid, boolean publish) throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(kid);
        if (publish) {
            synchronized (published) {
                published.add(key);
            }
        }
        return key;
    }

    /** Claims as Pub/Sub sets them, for the test to change. */
    static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setClaim("email", PUSHER);
        claims.setClaim("email_verified", true);
        return claims;
    }

    static String sign(JwtClaims claims, RsaJsonWebKey key) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
