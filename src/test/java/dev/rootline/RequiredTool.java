package dev.rootline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A test that needs a program the JDK does not have (Chromium, gcloud): skipped where it is missing, so that
 * {@code ./mvnw verify} works on a machine with only a JDK, unless its environment variable says {@code required}
 * (as {@code .ci/run} does), which makes the absence a failure.
 */
public final class RequiredTool {

    private RequiredTool() {}

    public static void assumeInstalled(boolean installed, String requiredBy, String install) {
        if (!installed && "required".equals(System.getenv(requiredBy))) {
            throw new IllegalStateException(requiredBy + "=required, but it is missing: " + install);
        }
        assumeTrue(installed, "missing here: " + install);
    }
}
