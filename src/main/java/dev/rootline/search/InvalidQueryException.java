package dev.rootline.search;

/** A search request that cannot be run as asked: bad query syntax or a foreign cursor. */
public class InvalidQueryException extends IllegalArgumentException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
