package dev.rootline.ingest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The Pub/Sub emulator labels an unwrapped delivery, a LogEntry in JSON, as a form. Relabelled as bytes before
 * the CSRF filter sees it, which checks the token of every form post and would refuse the delivery.
 */
public class PushContentType {

    static final String PATH = "/api/v1/pubsub/push";

    @ServerRequestFilter(preMatching = true)
    public void relabel(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().equals(PATH)
                && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM);
        }
    }
}
