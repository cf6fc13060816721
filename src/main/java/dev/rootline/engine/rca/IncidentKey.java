package dev.rootline.engine.rca;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes one incident (docs/architecture.md, "Root-cause analysis"): the service, the root signature and its
 * fingerprint, across revisions. The id is derived from them, so every process and every order of arrival names the
 * incident the same way.
 */
public record IncidentKey(String service, String signatureId, String fingerprint) {

    public String id() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest =
                    sha.digest((service + '\n' + signatureId + '\n' + fingerprint).getBytes(StandardCharsets.UTF_8));
            return "inc_" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
