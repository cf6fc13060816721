package dev.rootline.ingest;

/**
 * The reply to a push delivery that was quarantined: a problem detail, sent with 200 so that Pub/Sub
 * acknowledges the message instead of redelivering it forever.
 */
public record QuarantinedProblem(String type, String title, int status, String detail, long quarantineId) {

    QuarantinedProblem(PushOutcome.Quarantined q) {
        this("urn:rootline:quarantined", "Quarantined", 200, q.reason(), q.quarantineId());
    }
}
