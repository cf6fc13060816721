package dev.rootline.notify;

import java.time.Duration;

/** What became of one webhook call. */
sealed interface Delivery {

    /** Slack took the message. */
    record Delivered() implements Delivery {}

    /** 429: the webhook may be called again after this long, for every message. */
    record Throttled(Duration retryAfter) implements Delivery {}

    /** A 5xx, a timeout or no connection: worth retrying. */
    record Unavailable(String reason) implements Delivery {}

    /** Any other refusal, such as {@code 400 invalid_payload}: the same message would be refused again. */
    record Rejected(String reason) implements Delivery {}
}
