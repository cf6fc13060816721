package dev.rootline.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Who may reach what, beside {@code rootline.api-token} (see {@code docs/design-notes.md}, "Security"). Nothing
 * here matters until a token is set: without one, Rootline is open, as on a laptop.
 */
@ConfigMapping(prefix = "rootline.security")
public interface SecurityConfig {

    /**
     * The reverse proxies whose {@code X-Forwarded-For}, {@code Forwarded} and {@code X-Forwarded-Proto} headers
     * are believed, as addresses or CIDR blocks ({@code 10.0.0.0/8}, {@code ::1}). The client is the rightmost
     * address of the chain that is not one of them. Unset, no header is believed, and a request that carries one
     * is never taken for a browser on this machine.
     */
    Optional<List<String>> trustedProxies();

    /** How long a page session lasts after signing in; then the token is asked for again. */
    @WithDefault("12h")
    Duration sessionTimeout();

    /**
     * Mark the session cookie {@code Secure} even on a plain-HTTP request: for a TLS proxy that is not in
     * {@code trusted-proxies}. Requests over HTTPS, directly or through a trusted proxy, get it anyway.
     */
    @WithDefault("false")
    boolean secureCookie();

    /**
     * Whether the pages open without signing in to a browser on this machine (a loopback client reached
     * directly, or through trusted proxies). The API always needs the token.
     */
    @WithDefault("true")
    boolean openPagesLocally();

    /** Failed sign-ins from one client before it must wait; each further failure doubles the wait. */
    @WithDefault("5")
    int loginAttempts();

    /** The first wait after {@code login-attempts} failures; the longest is a hundred times as long. */
    @WithDefault("1s")
    Duration loginBackoff();
}
