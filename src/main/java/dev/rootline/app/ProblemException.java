package dev.rootline.app;

import jakarta.ws.rs.core.Response;

/** A request refused with a status and a reason the client can act on. */
public class ProblemException extends RuntimeException {

    private final Response.Status status;

    public ProblemException(Response.Status status, String detail) {
        super(detail);
        this.status = status;
    }

    public Problem problem() {
        return Problem.of(status, getMessage());
    }
}
