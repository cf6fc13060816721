package dev.rootline.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a request path is, judged on the path the router itself uses (Vert.x's normalised path: unreserved
 * characters decoded, dot segments removed), further stripped of matrix parameters and empty segments. Access is
 * denied unless a rule below opens it, so a spelling of a path that no rule recognises needs the token.
 */
final class RequestPaths {

    /** Paths open to anyone, exactly. */
    private static final Set<String> OPEN = Set.of("/login", "/rootline.css", "/favicon.ico", "/api/v1/pubsub/push");
    /** Operations, open to anyone, with everything under them: health probes and metrics scrapers have no token. */
    private static final List<String> OPEN_TREES = List.of("/q/health", "/q/metrics", "/q/openapi", "/q/swagger-ui");

    private RequestPaths() {}

    /** The normalised path without matrix parameters and empty segments; "/" for none. */
    static String canonical(String normalized) {
        StringBuilder path = new StringBuilder();
        for (String segment : normalized.split("/")) {
            int matrix = segment.indexOf(';');
            String name = matrix < 0 ? segment : segment.substring(0, matrix);
            if (!name.isEmpty()) {
                path.append('/').append(name);
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /**
     * Open to anyone. A path that still holds an encoded slash, backslash or dot is never open: it would be
     * decoded again further on, into who knows what.
     */
    static boolean open(String canonical) {
        String lower = canonical.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("\\")) {
            return false;
        }
        return OPEN.contains(canonical)
                || OPEN_TREES.stream().anyMatch(t -> canonical.equals(t) || canonical.startsWith(t + "/"));
    }

    /** Under {@code /api}: the API, which needs the token; everything else is a page. */
    static boolean api(String canonical) {
        return canonical.equals("/api") || canonical.startsWith("/api/");
    }
}
