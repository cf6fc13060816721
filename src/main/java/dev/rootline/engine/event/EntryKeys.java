package dev.rootline.engine.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The identity of a LogEntry (DESIGN §2): {@code (logName, timestamp in epoch nanos, insertId)}, or a hash of its
 * content when it has no insertId. Hashed to 128 bits so the key is short, fixed-size and safe in a URL.
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

    private EntryKeys() {
    }

    public static String ofIdentity(String logName, long timeNanos, String insertId) {
        return digest("id", logName, Long.toString(timeNanos), insertId);
    }

    /** For entries without insertId: the same content at the same time is the same entry. */
    public static String ofContent(String logName, String time, String resource, String severity, String message) {
        return digest("content", logName, time, resource, severity, message);
    }

    private static String digest(String... parts) {
        MessageDigest sha = SHA256.get();
        for (String part : parts) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        byte[] hash = sha.digest();
        byte[] head = new byte[16];
        System.arraycopy(hash, 0, head, 0, head.length);
        return URL_SAFE.encodeToString(head);
    }
}
