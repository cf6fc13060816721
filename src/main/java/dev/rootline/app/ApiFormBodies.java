package dev.rootline.app;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Content types, before anything reads them. One that does not parse is a 415, not an error further on. And the
 * API takes no forms, yet clients label bodies as one: the Pub/Sub emulator its unwrapped deliveries (a LogEntry
 * in JSON), {@code curl -d} any body. Such a body is relabelled as bytes before the CSRF filter sees it, which
 * checks every form post for the pages' token; the API authenticates with the bearer token instead, which a
 * foreign page cannot send.
 */
public class ApiFormBodies {

    @ServerRequestFilter(preMatching = true)
    public Response relabel(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        MediaType type;
        try {
            type = header == null ? null : MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            return Problem.of(
                            Response.Status.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + header + "' is not a media type")
                    .toResponse();
        }
        if (type != null
                && request.getUriInfo().getPath().startsWith("/api/")
                && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM);
        }
        return null;
    }
}
