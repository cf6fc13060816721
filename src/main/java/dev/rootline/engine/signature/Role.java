package dev.rootline.engine.signature;

/** What a matched line means in a failure chain (signatures/README.md). */
public enum Role {
    /** A root cause: something wrong that explains what follows. */
    CAUSE,
    /** A consequence of a cause that is itself a failure (a worker exit, a container exit). */
    EFFECT,
    /** What users see (a 503): counted under the root, never an incident of its own while explained. */
    SYMPTOM,
    /** A startup step reached: the phase a revision got to. */
    PROGRESS,
    /** The revision serves: what resolves an incident. */
    READY,
    /** Known to be harmless: never a root cause. */
    NOISE
}
