package dev.rootline.app;

import dev.rootline.engine.event.Timestamps;
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
}
