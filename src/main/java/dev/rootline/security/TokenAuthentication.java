package dev.rootline.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.app.Problem;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Rootline's one authentication mechanism: {@code Authorization: Bearer <token>} grants the API and the pages, a
 * valid page-session cookie grants the pages. Anything else is anonymous, and {@link AccessPolicy} decides; when
 * it refuses, the API answers 401 with a problem and a Bearer challenge, a page sends the browser to sign in.
 */
@ApplicationScoped
public class TokenAuthentication implements HttpAuthenticationMechanism {

    static final String API = "api";
    static final String PAGES = "pages";
    private static final String BEARER = "Bearer ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Access access;

    TokenAuthentication(Access access) {
        this.access = access;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && access.isToken(authorization.substring(BEARER.length()).strip())) {
            return Uni.createFrom().item(identity("api-token", API, PAGES));
        }
        Cookie session = context.request().getCookie(Access.SESSION_COOKIE);
        if (session != null
                && access.sessions().map(s -> s.valid(session.getValue())).orElse(false)) {
            return Uni.createFrom().item(identity("page-session", PAGES));
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rootline\""));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        String path = RequestPaths.canonical(context.normalizedPath());
        if (RequestPaths.api(path)) {
            context.response()
                    .setStatusCode(401)
                    .putHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rootline\"")
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE.toString())
                    .end(problem());
        } else {
            String next = path
                    + (context.request().query() == null
                            ? ""
                            : "?" + context.request().query());
            context.response()
                    .setStatusCode(303)
                    .putHeader(HttpHeaders.LOCATION, "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
                    .end();
        }
        return Uni.createFrom().item(true);
    }

    private static SecurityIdentity identity(String name, String... roles) {
        QuarkusSecurityIdentity.Builder builder =
                QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name));
        for (String role : roles) {
            builder.addRole(role);
        }
        return builder.build();
    }

    private static String problem() {
        try {
            return JSON.writeValueAsString(
                    Problem.of(Response.Status.UNAUTHORIZED, "a valid bearer token is required"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
