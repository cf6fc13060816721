package dev.rootline.app;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * With {@code rootline.api-token} set, every {@code /api/**} call but Pub/Sub push (which has OIDC) needs
 * {@code Authorization: Bearer <token>}. The token is compared in constant time and never logged.
 */
public class ApiTokenFilter {

    static final String PUSH_PATH = "/api/v1/pubsub/push";

    private final byte[] token;

    ApiTokenFilter(RootlineConfig config) {
        token = config.apiToken().filter(t -> !t.isBlank())
                .map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (token == null || !path.startsWith("/api/") || path.equals(PUSH_PATH)) {
            return null;
        }
        String presented = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        Response problem = Problem.of(Response.Status.UNAUTHORIZED, "a valid bearer token is required").toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rootline\"").build();
    }
}
