package dev.rootline.app;

import dev.rootline.engine.event.Timestamps;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A query that cannot be run as asked (bad syntax, a foreign cursor, a bad parameter): 400 naming the reason. */
public class InvalidQueryException extends IllegalArgumentException {

    public InvalidQueryException(String message) {
        super(message);
    }

    /** An optional RFC 3339 event-time parameter, as epoch nanoseconds; a bad one is refused under its name. */
    public static Optional<Long> eventTime(String name, String value) {
        try {
            return Optional.ofNullable(value).map(Timestamps::parseNanos);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(name + ": " + e.getMessage());
        }
    }

    /** A page size, refused unless between 1 and {@code max}. */
    public static int limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new InvalidQueryException("limit: must be between 1 and " + max + ", was " + limit);
        }
        return limit;
    }

    /** An optional enum parameter, named in lower case by clients; a bad one is refused listing the good ones. */
    public static <E extends Enum<E>> Optional<E> oneOf(String name, String value, Class<E> type) {
        E[] values = type.getEnumConstants();
        return Optional.ofNullable(value)
                .map(v -> Arrays.stream(values)
                        .filter(e -> e.name().equalsIgnoreCase(v))
                        .findFirst()
                        .orElseThrow(() -> new InvalidQueryException(name + ": '" + v + "' is not one of "
                                + Arrays.toString(values).toLowerCase(Locale.ROOT))));
    }
}
