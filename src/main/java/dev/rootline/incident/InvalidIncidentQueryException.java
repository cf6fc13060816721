package dev.rootline.incident;

import dev.rootline.app.ProblemException;
import jakarta.ws.rs.core.Response;

/** A filter or cursor the incidents API cannot use: 400 with what is wrong. */
public class InvalidIncidentQueryException extends ProblemException {

    public InvalidIncidentQueryException(String detail) {
        super(Response.Status.BAD_REQUEST, detail);
    }
}
