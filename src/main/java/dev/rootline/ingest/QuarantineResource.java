package dev.rootline.ingest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

@Path("/api/v1/quarantine")
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {

    private final QuarantineService quarantine;

    QuarantineResource(QuarantineService quarantine) {
        this.quarantine = quarantine;
    }

    public record Item(
            long id,
            Instant receivedAt,
            String source,
            String reason,
            String messageId,
            String subscription,
            String payload) {}

    public record Items(List<Item> items) {}

    @GET
    public Items list(@QueryParam("limit") @DefaultValue("100") int limit) {
        return new Items(quarantine.newest(Math.max(1, Math.min(limit, 1000))).stream()
                .map(q -> new Item(q.id, q.receivedAt, q.source, q.reason, q.messageId, q.subscription, q.payload))
                .toList());
    }
}
