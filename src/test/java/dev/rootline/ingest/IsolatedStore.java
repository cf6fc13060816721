package dev.rootline.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A test profile of its own: the app restarts for it, on a fresh data directory. */
public class IsolatedStore implements QuarkusTestProfile {}
