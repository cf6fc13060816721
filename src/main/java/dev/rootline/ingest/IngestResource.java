package dev.rootline.ingest;

import dev.rootline.engine.event.InvalidEntryException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/entries")
public class IngestResource {

    static final String NDJSON = "application/x-ndjson";
    static final String JSONL = "application/jsonl";

    private final IngestService ingest;
    private final Admission admission;
    private final long maxBody;

    IngestResource(IngestService ingest, Admission admission, IngestConfig config) {
        this.ingest = ingest;
        this.admission = admission;
        this.maxBody = config.maxBodySize().asLongValue();
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, NDJSON, JSONL})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest LogEntries: one, a JSON array, {\"entries\":[...]}, NDJSON or a Pub/Sub envelope")
    public IngestResult ingest(InputStream body, @Context HttpHeaders headers)
            throws InvalidEntryException, IOException {
        try (Admission.Ticket ticket = admission.admit()) {
            return ingest.ingest(RequestBodies.read(body, headers, maxBody, ticket));
        }
    }
}
