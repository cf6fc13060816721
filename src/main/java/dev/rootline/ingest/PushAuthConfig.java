package dev.rootline.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Who may push Pub/Sub messages: the OIDC tokens of push subscriptions. Every key can be set from the environment: {@code ROOTLINE_PUBSUB_...}.
 */
@ConfigMapping(prefix = "rootline.pubsub")
public interface PushAuthConfig {

    /**
     * The audience Pub/Sub push tokens must be issued for (the push subscription's
     * {@code --push-auth-token-audience}). Set, every push needs a valid OIDC token; unset, push is open.
     */
    Optional<String> oidcAudience();

    /** The issuer push tokens must name. */
    @WithDefault("https://accounts.google.com")
    String oidcIssuer();

    /** Where the issuer's signing keys are published; they are cached, and fetched again on an unknown key. */
    @WithDefault("https://www.googleapis.com/oauth2/v3/certs")
    String oidcJwksUrl();

    /** The service accounts (the token's verified {@code email}) allowed to push. */
    Optional<List<String>> oidcServiceAccounts();
}
