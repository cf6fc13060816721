package dev.rootline.ingest;

import dev.rootline.app.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Checks the OIDC token Pub/Sub attaches to a push (RS256, from the configured issuer, for the configured audience,
 * of an allowed service account with a verified email). The keys are fetched from the JWKS URL, cached, and fetched
 * again when a token names a key the cache does not have, as happens when Google rotates them.
 */
@ApplicationScoped
class PushTokens {

    private static final String BEARER = "Bearer ";

    private final Optional<JwtConsumer> consumer;
    private final List<String> serviceAccounts;

    PushTokens(PushAuthConfig pubsub) {
        this.serviceAccounts = pubsub.oidcServiceAccounts().orElse(List.of());
        this.consumer = pubsub.oidcAudience().map(audience -> {
            if (serviceAccounts.isEmpty()) {
                throw new IllegalArgumentException("rootline.pubsub.oidc-service-accounts: required with"
                        + " rootline.pubsub.oidc-audience, to say who may push");
            }
            return new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setAllowedClockSkewInSeconds(30)
                    .setExpectedIssuer(pubsub.oidcIssuer())
                    .setExpectedAudience(audience)
                    .setJwsAlgorithmConstraints(
                            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setVerificationKeyResolver(
                            new HttpsJwksVerificationKeyResolver(new HttpsJwks(pubsub.oidcJwksUrl())))
                    .build();
        });
    }

    /** @throws ProblemException 401 unless push is open or the token is valid and from an allowed account */
    void verify(String authorization) {
        if (consumer.isEmpty()) {
            return;
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            throw refused("a Pub/Sub OIDC bearer token is required");
        }
        try {
            JwtClaims claims = consumer.get()
                    .processToClaims(authorization.substring(BEARER.length()).trim());
            String email = claims.getStringClaimValue("email");
            if (!Boolean.TRUE.equals(claims.getClaimValue("email_verified", Boolean.class))
                    || !serviceAccounts.contains(email)) {
                throw refused("the token's service account may not push");
            }
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw refused("the Pub/Sub OIDC token is not valid");
        }
    }

    private static ProblemException refused(String why) {
        return new ProblemException(Response.Status.UNAUTHORIZED, why);
    }
}
