package dev.rootline.notify;

import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.webhook.Payload;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Every call Rootline makes to Slack goes through here: one timeout for the whole call, and each outcome
 * classified for the dispatcher's retries. Reasons never contain the URL, which is a secret.
 */
@ApplicationScoped
class SlackWebhook {

    private static final int REASON_LENGTH = 200;
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final SlackHttpClient http;
    private final Clock clock;

    SlackWebhook(SlackAlertsConfig config, Clock clock) {
        int timeout = Math.toIntExact(config.timeout().toMillis());
        SlackConfig slack = new SlackConfig();
        slack.setHttpClientCallTimeoutMillis(timeout);
        slack.setHttpClientReadTimeoutMillis(timeout);
        slack.setHttpClientWriteTimeoutMillis(timeout);
        this.http = SlackHttpClient.buildSlackHttpClient(slack);
        this.clock = clock;
    }

    Delivery post(URI webhook, Payload payload) {
        try (Response response = http.postJsonBody(webhook.toString(), payload)) {
            if (response.isSuccessful()) {
                return new Delivery.Delivered();
            }
            String reason = response.code() + " " + body(response.body());
            if (response.code() == 429) {
                return new Delivery.Throttled(retryAfter(response.header("Retry-After")));
            }
            return response.code() >= 500 || response.code() == 408
                    ? new Delivery.Unavailable(reason)
                    : new Delivery.Rejected(reason);
        } catch (InterruptedIOException e) {
            return new Delivery.Unavailable("timed out");
        } catch (IOException e) {
            return new Delivery.Unavailable("no connection (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Slack's reply is a short word such as {@code invalid_payload} or {@code channel_not_found}. */
    private static String body(ResponseBody body) throws IOException {
        String text = body == null ? "" : body.string().strip();
        return text.length() <= REASON_LENGTH ? text : text.substring(0, REASON_LENGTH) + "…";
    }

    /** {@code Retry-After} in seconds or as an HTTP date (RFC 9110 §10.2.3). */
    private Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(
                        clock.instant(),
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }

    @PreDestroy
    void close() throws Exception {
        http.close();
    }
}
