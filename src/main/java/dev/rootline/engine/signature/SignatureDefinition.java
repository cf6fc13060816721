package dev.rootline.engine.signature;

import dev.rootline.engine.event.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A failure signature as written in {@code signatures/*.yaml}: an immutable definition, compiled into a
 * {@link CompiledSignature} by {@link SignatureCompiler}.
 *
 * @param fingerprint named groups whose values split incidents (empty: one incident per service and signature)
 * @param explains    ids of the signatures whose matches this one explains, later in the same scope
 * @param yields      a cause that summarises other lines (a validator's "N errors", a startup wrapper exception):
 *                    a specific error logged with it is the root instead, and it a step of that root's chain
 * @param latent      a cause that is harmless alone ("listening on port 3000"): it opens no incident, and is a root
 *                    only of what it explains
 * @param differs     named groups that must differ between a match of this signature and a line it explains, for
 *                    it to explain it (the port a server listens on and the port a probe tried)
 * @param summary     a template over the named groups: {@code {var} was rejected at startup: {reason}}
 */
public record SignatureDefinition(
        String id,
        String title,
        Category category,
        Role role,
        SignatureSeverity severity,
        MatchScope scope,
        MatchSpec match,
        List<String> fingerprint,
        List<String> explains,
        boolean yields,
        boolean latent,
        List<String> differs,
        String summary,
        String remediation,
        Examples examples,
        Origin origin) {

    /** The same signature explaining only these. */
    public SignatureDefinition withExplains(List<String> explained) {
        return new SignatureDefinition(
                id,
                title,
                category,
                role,
                severity,
                scope,
                match,
                fingerprint,
                explained,
                yields,
                latent,
                differs,
                summary,
                remediation,
                examples,
                origin);
    }

    /**
     * What a line must be to match.
     *
     * @param message      an RE2 regular expression, searched in the message; named groups become fields
     * @param logName      a glob over the entry's logName ({@code *} any run of characters)
     * @param fields       entry fields, by JSON path, that must equal these values ({@code httpRequest.status: 503})
     */
    public record MatchSpec(
            String message,
            Severity minSeverity,
            Optional<String> logName,
            Optional<String> resourceType,
            Map<String, String> fields) {}

    /** Lines (a message, or a whole LogEntry as JSON) the signature must and must not match. */
    public record Examples(List<String> match, List<String> noMatch) {}

    /** Where the definition was written, for error messages. */
    public record Origin(String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }
}
