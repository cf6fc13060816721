package dev.rootline.engine.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The identity of a LogEntry (docs/architecture.md, "Guarantees"): {@code (logName, timestamp in epoch nanos,
 * insertId)}, or a hash of its content when it has no insertId. Hashed (SHA-256, cut to 128 bits) so the key is short,
 * fixed-size and safe in a URL.
 */
public final class EntryKeys {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private EntryKeys() {}

    public static String ofIdentity(String logName, long timeNanos, String insertId) {
        MessageDigest sha = start((byte) 'i', timeNanos);
        update(sha, logName);
        update(sha, insertId);
        return finish(sha);
    }

    /**
     * For entries without insertId: the same content at the same time is the same entry.
     *
     * @param timeNanos the entry's own timestamp, or Long.MIN_VALUE when it had none
     */
    public static String ofContent(String logName, long timeNanos, String resource, String severity, String message) {
        MessageDigest sha = start((byte) 'c', timeNanos);
        update(sha, logName);
        update(sha, resource);
        update(sha, severity);
        update(sha, message);
        return finish(sha);
    }

    private static MessageDigest start(byte kind, long timeNanos) {
        MessageDigest sha = SHA256.get();
        sha.update(kind);
        for (int shift = 56; shift >= 0; shift -= 8) {
            sha.update((byte) (timeNanos >>> shift));
        }
        return sha;
    }

    private static void update(MessageDigest sha, String part) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static String finish(MessageDigest sha) {
        byte[] hash = sha.digest();
        byte[] head = new byte[16];
        System.arraycopy(hash, 0, head, 0, head.length);
        return URL_SAFE.encodeToString(head);
    }
}
