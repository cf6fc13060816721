package dev.rootline.engine.rca;

/**
 * Where a signal belongs: the root of its chain, and how far from the root it stands.
 *
 * @param depth 0 for the root itself, 1 for what the root explains directly, and so on
 */
public record Attribution(Signal signal, Signal root, Confidence confidence, int depth) {

    public IncidentKey incident(String service) {
        return new IncidentKey(service, root.signatureId(), root.fingerprint());
    }
}
