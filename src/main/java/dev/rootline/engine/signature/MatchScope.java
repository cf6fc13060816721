package dev.rootline.engine.signature;

/** Where a signature's effects are looked for. */
public enum MatchScope {
    INSTANCE,
    REVISION,
    SERVICE
}
