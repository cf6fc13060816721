package dev.rootline.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Page sessions as signed, expiring values, so that the cookie never holds the token and any replica that knows
 * the token can check it: {@code expiry and a random nonce} followed by their HMAC-SHA256 under a key derived
 * from the token. Changing the token ends every session.
 */
final class Sessions {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int NONCE = 16;
    private static final int BODY = Long.BYTES + NONCE;

    private final SecretKeySpec key;
    private final Duration timeout;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Sessions(byte[] token, Duration timeout, Clock clock) {
        this.key = new SecretKeySpec(
                hmac(
                        new SecretKeySpec(token, "HmacSHA256"),
                        "rootline page session v1".getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256");
        this.timeout = timeout;
        this.clock = clock;
    }

    Duration timeout() {
        return timeout;
    }

    /** A new session, valid for the timeout from now. */
    String issue() {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] body = ByteBuffer.allocate(BODY)
                .putLong(clock.millis() + timeout.toMillis())
                .put(nonce)
                .array();
        return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(hmac(key, body));
    }

    /** Whether the value is a session this key signed and it has not expired. */
    boolean valid(String value) {
        int dot = value == null ? -1 : value.indexOf('.');
        if (dot < 0 || value.length() > 200) {
            return false;
        }
        try {
            byte[] body = DECODER.decode(value.substring(0, dot));
            byte[] signature = DECODER.decode(value.substring(dot + 1));
            return body.length == BODY
                    && MessageDigest.isEqual(signature, hmac(key, body))
                    && ByteBuffer.wrap(body).getLong() > clock.millis();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
