package dev.rootline.search;

import dev.rootline.app.InvalidQueryException;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.ErrorCause;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * Whether the OpenSearch cluster works, as its answers tell: a request that cannot reach it, or that it fails with a
 * server error, takes the store down (not ready, 503 to clients, nothing acknowledged) until a request succeeds
 * again. An error status in a transport response (a search while a new index's shard starts) does not. While down,
 * a readiness check pings the cluster at most every two seconds, so the store comes back without traffic.
 */
final class ClusterHealth {

    private static final long RECHECK_NANOS = 2_000_000_000L;
    /** Errors of a query the cluster could not parse or run as asked: the client's to fix, never the store's fault. */
    private static final Set<String> BAD_QUERY = Set.of(
            "query_shard_exception",
            "parse_exception",
            "query_parsing_exception",
            "illegal_argument_exception",
            "too_many_clauses",
            "too_many_nested_clauses");

    interface Call<T> {
        T run() throws IOException;
    }

    private final OpenSearchClient client;
    private final String hosts;
    private volatile String down;
    private volatile long checkedAt;

    ClusterHealth(OpenSearchClient client, String hosts) {
        this.client = client;
        this.hosts = hosts;
    }

    String hosts() {
        return hosts;
    }

    /** A request to the cluster; any failure is a {@link StorageUnavailableException}. */
    <T> T call(Call<T> call) throws IOException {
        try {
            T result = call.run();
            down = null;
            return result;
        } catch (InvalidQueryException e) {
            throw e;
        } catch (OpenSearchException e) {
            if (e.status() >= 500) {
                down("the cluster failed a request: " + e.getMessage());
            }
            throw new StorageUnavailableException("the cluster refused a request: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (answered(e)) {
                throw new StorageUnavailableException("the cluster could not serve a request: " + e.getMessage(), e);
            }
            down("the cluster at " + hosts + " cannot be reached: " + e.getMessage());
            throw new StorageUnavailableException("the cluster at " + hosts + " cannot be reached", e);
        }
    }

    /** Whether the cluster answered the request that failed, with an HTTP error, rather than not at all. */
    static boolean answered(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof ResponseException || e instanceof OpenSearchException) {
                return true;
            }
        }
        return false;
    }

    /** A search: a query the cluster cannot run as asked is the client's error, not the store's. */
    <T> T query(Call<T> call) throws IOException {
        try {
            return call(call);
        } catch (StorageUnavailableException e) {
            if (e.getCause() instanceof OpenSearchException refused && badQuery(refused.error())) {
                throw new InvalidQueryException("q cannot be run: " + reason(refused.error()));
            }
            throw e;
        }
    }

    private static boolean badQuery(ErrorCause error) {
        for (ErrorCause cause = error; cause != null; cause = cause.causedBy()) {
            if (BAD_QUERY.contains(cause.type())
                    || cause.rootCause().stream().anyMatch(root -> BAD_QUERY.contains(root.type()))) {
                return true;
            }
        }
        return false;
    }

    private static String reason(ErrorCause error) {
        ErrorCause deepest = error;
        while (deepest.causedBy() != null) {
            deepest = deepest.causedBy();
        }
        return deepest.reason();
    }

    private void down(String reason) {
        down = reason;
        checkedAt = System.nanoTime();
    }

    Optional<String> unavailable() {
        String reason = down;
        if (reason != null && System.nanoTime() - checkedAt > RECHECK_NANOS) {
            checkedAt = System.nanoTime();
            try {
                if (client.ping().value()) {
                    down = null;
                }
            } catch (IOException | RuntimeException e) {
                down = "the cluster at " + hosts + " cannot be reached: " + e.getMessage();
            }
        }
        return Optional.ofNullable(down);
    }
}
