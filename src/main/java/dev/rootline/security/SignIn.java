package dev.rootline.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.time.Clock;
import java.time.Duration;

/** The sign-in form's decision: a session cookie for the right token, throttled per client. */
@ApplicationScoped
public class SignIn {

    /** What an attempt came to. */
    public sealed interface Outcome {
        /** The token was right: set this cookie. */
        record Accepted(NewCookie session) implements Outcome {}

        /** The token was wrong. */
        record Refused() implements Outcome {}

        /** Too many failures from this client: it must wait before trying again. */
        record Throttled(Duration retryAfter) implements Outcome {}
    }

    private final Access access;
    private final LoginThrottle throttle;

    SignIn(Access access, Clock clock) {
        this.access = access;
        this.throttle = new LoginThrottle(
                access.config().loginAttempts(), access.config().loginBackoff(), clock);
    }

    public Outcome attempt(String token, HttpServerRequest request) {
        ClientOrigin origin = access.origin(request);
        String client = origin.address().map(a -> a.getHostAddress()).orElse("unknown");
        var wait = throttle.wait(client);
        if (wait.isPresent()) {
            return new Outcome.Throttled(wait.get());
        }
        if (!access.isToken(token)) {
            throttle.failed(client);
            return new Outcome.Refused();
        }
        throttle.succeeded(client);
        Sessions sessions = access.sessions().orElseThrow();
        return new Outcome.Accepted(new NewCookie.Builder(Access.SESSION_COOKIE)
                .value(sessions.issue())
                .path("/")
                .httpOnly(true)
                .secure(origin.secure() || access.config().secureCookie())
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) sessions.timeout().toSeconds())
                .build());
    }
}
