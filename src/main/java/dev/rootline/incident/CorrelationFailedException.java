package dev.rootline.incident;

/** A correlation transaction failed and was rolled back; the events are stored, and sending them again retries it. */
public class CorrelationFailedException extends RuntimeException {

    CorrelationFailedException(Throwable cause) {
        super("correlation failed: " + cause.getMessage(), cause);
    }
}
