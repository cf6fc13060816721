package dev.rootline.notify;

import dev.rootline.engine.signature.SignatureSeverity;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where alerts about some services go: a Slack webhook, with a rate limit.
 *
 * @param webhook a secret; {@link #toString()} leaves it out so that it cannot reach a log by accident
 */
record AlertRoute(
        String name,
        List<Pattern> services,
        SignatureSeverity minSeverity,
        URI webhook,
        int rateLimit,
        Duration rateWindow) {

    /** Whether an incident of this service and severity is alerted on here. */
    boolean takes(String service, SignatureSeverity severity) {
        return severity.compareTo(minSeverity) <= 0 && takes(service);
    }

    boolean takes(String service) {
        return services.stream().anyMatch(p -> p.matcher(service).matches());
    }

    /** Globs separated by commas: {@code *} stands for any characters and {@code ?} for one. */
    static List<Pattern> globs(String globs) {
        return Pattern.compile(",")
                .splitAsStream(globs)
                .map(String::trim)
                .filter(g -> !g.isEmpty())
                .map(AlertRoute::glob)
                .toList();
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            if (ch == '*' || ch == '?') {
                regex.append(Pattern.quote(literal.toString())).append(ch == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(ch);
            }
        }
        return Pattern.compile(regex.append(Pattern.quote(literal.toString())).toString());
    }

    @Override
    public String toString() {
        return "AlertRoute[" + name + "]";
    }
}
