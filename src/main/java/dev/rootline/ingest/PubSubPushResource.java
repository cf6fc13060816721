package dev.rootline.ingest;

import dev.rootline.app.ApiFormBodies;
import dev.rootline.app.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/pubsub/push")
public class PubSubPushResource {

    private final PushService push;
    private final PushTokens tokens;
    private final Admission admission;
    private final long maxBody;

    PubSubPushResource(PushService push, PushTokens tokens, Admission admission, IngestConfig config) {
        this.push = push;
        this.tokens = tokens;
        this.admission = admission;
        this.maxBody = config.maxBodySize().asLongValue();
    }

    /** Any content type: the emulator sends unwrapped deliveries as a form (see {@link ApiFormBodies}). */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Pub/Sub push endpoint for a Log Router sink, wrapped or unwrapped")
    public Response push(InputStream body, @Context HttpHeaders headers) throws IOException {
        tokens.verify(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        String messageId = headers.getHeaderString("x-goog-pubsub-message-id");
        String subscription = headers.getHeaderString("x-goog-pubsub-subscription-name");
        PushOutcome outcome;
        try (Admission.Ticket ticket = admission.admit()) {
            byte[] bytes = RequestBodies.read(body, headers, maxBody, ticket).toArray();
            boolean wrapped = messageId == null && subscription == null;
            outcome = push.receive(
                    new QuarantineService.Delivery("pubsub-push", messageId, subscription, bytes), wrapped);
        }
        if (outcome instanceof PushOutcome.Quarantined q) {
            return Response.ok(new QuarantinedProblem(q), Problem.MEDIA_TYPE).build();
        }
        return Response.ok(((PushOutcome.Stored) outcome).result(), MediaType.APPLICATION_JSON)
                .build();
    }
}
