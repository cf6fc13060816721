package dev.rootline.ingest;

/** The reply to an ingest request, counted in LogEntries. */
public record IngestResult(int accepted, int duplicates, int rejected) {}
