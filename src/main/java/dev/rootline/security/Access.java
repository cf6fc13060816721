package dev.rootline.security;

import dev.rootline.app.RootlineConfig;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The token, the page sessions it signs, and where requests come from: what the authentication mechanism, the
 * access policy and the sign-in form share. Built at start-up, so a bad {@code trusted-proxies} entry stops it.
 */
@Startup
@ApplicationScoped
public class Access {

    static final String SESSION_COOKIE = "rootline_session";

    private final Optional<byte[]> token;
    private final Optional<Sessions> sessions;
    private final TrustedProxies proxies;
    private final SecurityConfig config;

    Access(RootlineConfig rootline, SecurityConfig config, Clock clock) {
        this.token = rootline.apiToken().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.sessions = token.map(t -> new Sessions(t, config.sessionTimeout(), clock));
        this.proxies = TrustedProxies.of(config.trustedProxies().orElse(List.of()));
        this.config = config;
    }

    /** Whether a token is set: without one, everything is open. */
    boolean enforced() {
        return token.isPresent();
    }

    /** Compared in constant time; never logged. */
    boolean isToken(String presented) {
        return token.isPresent()
                && presented != null
                && MessageDigest.isEqual(token.get(), presented.getBytes(StandardCharsets.UTF_8));
    }

    Optional<Sessions> sessions() {
        return sessions;
    }

    SecurityConfig config() {
        return config;
    }

    ClientOrigin origin(HttpServerRequest request) {
        return ClientOrigin.of(
                new ClientOrigin.Request(
                        request.remoteAddress() == null
                                ? null
                                : request.remoteAddress().hostAddress(),
                        request.isSSL(),
                        request.headers().getAll("X-Forwarded-For"),
                        request.headers().getAll("Forwarded"),
                        request.getHeader("X-Forwarded-Proto")),
                proxies);
    }
}
