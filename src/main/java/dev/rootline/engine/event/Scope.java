package dev.rootline.engine.event;

/**
 * Where an entry came from, reduced to what correlation needs (docs/architecture.md, "Life of a batch"): the service,
 * its version (a Cloud Run revision, a job execution, a pod template) and the instance. Empty strings, never null.
 */
public record Scope(
        String resourceType, String project, String location, String service, String version, String instance) {}
