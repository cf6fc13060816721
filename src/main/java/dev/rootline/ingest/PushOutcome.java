package dev.rootline.ingest;

/** What became of one Pub/Sub push delivery. Either way it is acknowledged: both are final. */
public sealed interface PushOutcome {

    /** Its entry is durable (or was already). */
    record Stored(IngestResult result) implements PushOutcome {}

    /** It can never be ingested and was kept in the quarantine instead. */
    record Quarantined(long quarantineId, String reason) implements PushOutcome {}
}
