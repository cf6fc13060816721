package dev.rootline.search;

import dev.rootline.app.InvalidQueryException;
import dev.rootline.engine.event.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * A search over the log store.
 *
 * @param text       Lucene query syntax over the message (field queries such as {@code severity:ERROR} work too)
 * @param fromNanos  event time, inclusive
 * @param toNanos    event time, exclusive
 * @param cursor     where the previous page ended, as {@link SearchPage#nextCursor()} gave it
 */
public record SearchQuery(
        Optional<String> text,
        Optional<String> service,
        Optional<String> revision,
        Optional<Severity> minSeverity,
        Optional<Long> fromNanos,
        Optional<Long> toNanos,
        int limit,
        Optional<String> cursor) {

    /** A minimum severity as a client names it ({@code error}, {@code WARNING}); a bad name is a 400. */
    public static Optional<Severity> severity(String name) {
        return Optional.ofNullable(name)
                .map(n -> Severity.ofLogSeverity(n.toUpperCase(Locale.ROOT))
                        .orElseThrow(() -> new InvalidQueryException("severity: '" + n + "' is not a LogSeverity")));
    }
}
