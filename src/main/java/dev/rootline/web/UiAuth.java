package dev.rootline.web;

import dev.rootline.app.RootlineConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The pages are open to a browser on the same machine. From anywhere else, once {@code rootline.api-token} is set,
 * they need the token, kept in a cookie by the login form. Behind a reverse proxy on the same machine the client's
 * address comes from {@code X-Forwarded-For}, which only a loopback peer is trusted to set.
 */
public class UiAuth {

    static final String COOKIE = "rootline_token";

    private final byte[] token;

    UiAuth(RootlineConfig config) {
        token = config.apiToken().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (token == null || path.startsWith("/api/") || path.startsWith("/q/") || path.equals("/login")
                || loopback(http.remoteAddress().hostAddress()) || accepts(request.getCookies().get(COOKIE))) {
            return null;
        }
        String next = request.getUriInfo().getRequestUri().getRawPath()
                + (request.getUriInfo().getRequestUri().getRawQuery() == null ? ""
                : "?" + request.getUriInfo().getRequestUri().getRawQuery());
        return Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
                .build();
    }

    boolean accepts(String presented) {
        return token == null || presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    private boolean accepts(Cookie cookie) {
        return cookie != null && accepts(cookie.getValue());
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
