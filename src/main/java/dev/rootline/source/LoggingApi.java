package dev.rootline.source;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.logging.v2.LoggingClient;
import com.google.cloud.logging.v2.LoggingSettings;
import java.io.IOException;
import java.time.Duration;

/**
 * Opens the generated Logging API client: Application Default Credentials against Google's endpoint in
 * production, or a plaintext channel without credentials to a local fake. (The handwritten {@code LoggingOptions}
 * with {@code setHost} and {@code NoCredentials} closes its channel, so it is not used.)
 */
final class LoggingApi {

    private LoggingApi() {}

    /** How long one page may take; slower counts as a failure, retried by {@link PullSources}. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    static LoggingClient open(SourcesConfig config) throws IOException {
        LoggingSettings.Builder settings = LoggingSettings.newBuilder();
        // one attempt per call: PullSources owns the retries and their backoff, and reports every failure
        settings.listLogEntriesSettings()
                .setRetrySettings(RetrySettings.newBuilder()
                        .setMaxAttempts(1)
                        .setTotalTimeoutDuration(CALL_TIMEOUT)
                        .setInitialRpcTimeoutDuration(CALL_TIMEOUT)
                        .setMaxRpcTimeoutDuration(CALL_TIMEOUT)
                        .build());
        if (config.loggingEndpoint().isPresent()) {
            settings.setTransportChannelProvider(
                    GrpcChannels.to(config.loggingEndpoint().get(), config.loggingPlaintext()));
            if (config.loggingPlaintext()) {
                settings.setCredentialsProvider(NoCredentialsProvider.create());
            }
        }
        return LoggingClient.create(settings.build());
    }
}
