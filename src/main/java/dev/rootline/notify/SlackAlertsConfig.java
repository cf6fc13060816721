package dev.rootline.notify;

import dev.rootline.engine.signature.SignatureSeverity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Slack alerts (README, "Slack alerts"). Every key can be set from the environment: {@code ROOTLINE_SLACK_...}.
 */
@ConfigMapping(prefix = "rootline.slack")
public interface SlackAlertsConfig {

    /**
     * Incoming-webhook URL of the {@code default} route, which takes the services no named route takes. Unset:
     * no default route. A secret: it is never logged nor shown.
     */
    Optional<String> webhookUrl();

    /** Least severity the default route alerts on. */
    @WithDefault("low")
    SignatureSeverity minSeverity();

    /** Most alerts the default route sends per {@code rate-window}; the rest go out as one digest. */
    @WithDefault("20")
    @Positive
    int rateLimit();

    /** The window of the default route's rate limit. */
    @WithDefault("1m")
    Duration rateWindow();

    /** Named routes, e.g. {@code rootline.slack.routes.payments.services=payments-*}. */
    Map<String, Route> routes();

    /** Longest a webhook call may take, connecting included; longer counts as a failure to retry. */
    @WithDefault("10s")
    @DurationMin(millis = 1)
    Duration timeout();

    /** Wait before the first retry after a 5xx, a timeout or a refused connection; it doubles each time. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Longest wait between two retries. */
    @WithDefault("5m")
    Duration maxBackoff();

    /** An alert still undelivered this long after it was raised is marked failed. */
    @WithDefault("24h")
    Duration giveUpAfter();

    /**
     * An incident change whose log time is older than this when Rootline learns of it (a backfill, an old
     * export) raises no alert.
     */
    @WithDefault("1h")
    Duration maxAge();

    /** A Slack route: which incidents go to which channel's webhook. */
    interface Route {

        /** Services taken, as globs separated by commas ({@code *} any characters, {@code ?} one). */
        @WithDefault("*")
        String services();

        /** Least severity alerted on. */
        @WithDefault("low")
        SignatureSeverity minSeverity();

        /** Incoming-webhook URL of the channel. A secret: it is never logged nor shown. */
        String webhookUrl();

        /** Most alerts sent per {@code rate-window}; the rest go out as one digest. */
        @WithDefault("20")
        @Positive
        int rateLimit();

        /** The window of the rate limit. */
        @WithDefault("1m")
        Duration rateWindow();
    }
}
