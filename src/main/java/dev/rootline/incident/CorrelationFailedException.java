package dev.rootline.incident;

import java.sql.SQLException;

/** The database refused a correlation transaction; it was rolled back and may be retried. */
public class CorrelationFailedException extends RuntimeException {

    CorrelationFailedException(SQLException cause) {
        super("correlation failed: " + cause.getMessage(), cause);
    }
}
