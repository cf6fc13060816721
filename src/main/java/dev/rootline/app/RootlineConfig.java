package dev.rootline.app;

import dev.rootline.engine.signature.SignatureSeverity;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rootline's own settings. Every key can be set from the environment, e.g. {@code ROOTLINE_DATA_DIR}. */
@ConfigMapping(prefix = "rootline")
public interface RootlineConfig {

    /** Directory that holds the embedded H2 database and the Lucene log index. */
    @WithDefault("./data")
    String dataDir();

    /**
     * Bearer token that every {@code /api/**} call except Pub/Sub push must present. Unset: the API is open,
     * which suits a laptop, not a network.
     */
    Optional<String> apiToken();

    /**
     * A directory of extra signature files ({@code *.yaml}), loaded after the bundled packs and reloaded when
     * they change.
     */
    Optional<String> signaturesDir();

    /**
     * Signature ids to leave out, bundled or not: a pack's signature that does not fit your services. What they
     * explained is then explained by nothing, and Rootline falls back on unknown errors and their templates.
     */
    Optional<Set<String>> signaturesDisabled();

    /** How often {@code signatures-dir} is checked for changed files. */
    @WithDefault("2s")
    Duration signaturesReloadInterval();

    /** Ingest limits and normalisation. */
    Ingest ingest();

    /** The Lucene log store. */
    Store store();

    /** Root-cause correlation. */
    Correlation correlation();

    /** Pub/Sub push. */
    PubSub pubsub();

    /** Where Rootline pulls logs from, besides what is pushed to it. */
    Sources sources();

    /** The unknown-error template miner (issue #8). */
    Templates templates();

    /** Where people reach this Rootline, for the links in alerts. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** Slack alerts (README, "Slack alerts"). */
    Slack slack();

    interface Ingest {

        /** Largest request body accepted, compressed or not; larger bodies get 413. */
        @WithDefault("32M")
        MemorySize maxBodySize();

        /** Pieces of one traceback further apart than this (event time) are not joined. */
        @WithDefault("10ms")
        Duration tracebackJoinWindow();

        /**
         * How many bytes of request bodies (counted after gzip) may be in ingest at once; beyond it a request waits
         * up to two seconds, then gets 503 with Retry-After. Storing a body takes several times its size in heap,
         * so this is what keeps concurrent large bodies from running the heap out. Unset: an eighth of the
         * maximum heap, and never less than {@code max-body-size}.
         */
        Optional<MemorySize> maxBytesInFlight();
    }

    interface Store {

        /** How long an entry is kept after it arrived; older entries are deleted on a schedule. */
        @WithDefault("14d")
        Duration retention();

        /** Largest page a search returns, whatever {@code limit} asks for. */
        @WithDefault("1000")
        int maxPageSize();
    }

    interface Templates {

        /** The most templates kept per service; the least recently seen is forgotten to make room. */
        @WithDefault("2000")
        int maxPerService();

        /** The least share of equal tokens (0 to 1) for an error line to join a template. */
        @WithDefault("0.7")
        double similarity();

        /**
         * Masks for variables of your own logs, by name, as regular expressions, e.g.
         * {@code rootline.templates.masks.order-id=ORD-[A-Z0-9]+}: every match becomes {@code <*>}. Numbers, ids,
         * IPs, UUIDs, hex, timestamps, URLs, e-mail addresses and paths are masked already.
         */
        Map<String, String> masks();
    }

    interface Correlation {

        /**
         * Whether ingest correlates entries into incidents. Off, Rootline is a log store and search only (and the
         * benchmarks measure what correlation costs).
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * How much event time may pass between a cause and what it explains, and the longest quiet gap within one
         * episode of errors.
         */
        @WithDefault("120s")
        Duration window();

        /**
         * Lines this close in event time count as logged together: separate streams and processes reorder them, so
         * a cause may be logged just after what it explains, and among such lines the one that names what went
         * wrong is the root rather than a summary of it.
         */
        @WithDefault("100ms")
        Duration clockSkew();

        /**
         * How much event time one chain may span, from its root to its last effect. A batch re-examines this much
         * before and after its entries: a new entry can change the chains this far after it, and needs the
         * signals this far before it. Real chains span seconds; a longer span costs every batch more.
         */
        @WithDefault("4m")
        Duration maxChainSpan();

        /**
         * How many recent signals (about half a kilobyte each) correlation keeps in memory across services, so that
         * a batch need not read the chain span before it back from the database. A service's are used only while
         * its row says no other process correlated it since; the least recently correlated services are dropped
         * first. 0: every batch reads its context from the database.
         */
        @WithDefault("50000")
        int recentSignals();
    }

    interface Slack {

        /**
         * Incoming-webhook URL of the {@code default} route, which takes the services no named route takes. Unset:
         * no default route. A secret: it is never logged nor shown.
         */
        Optional<String> webhookUrl();

        /** Least severity the default route alerts on. */
        @WithDefault("low")
        SignatureSeverity minSeverity();

        /** Most alerts the default route sends per {@code rate-window}; the rest go out as one digest. */
        @WithDefault("20")
        int rateLimit();

        /** The window of the default route's rate limit. */
        @WithDefault("1m")
        Duration rateWindow();

        /** Named routes, e.g. {@code rootline.slack.routes.payments.services=payments-*}. */
        Map<String, Route> routes();

        /** Longest a webhook call may take, connecting included; longer counts as a failure to retry. */
        @WithDefault("10s")
        Duration timeout();

        /** Wait before the first retry after a 5xx, a timeout or a refused connection; it doubles each time. */
        @WithDefault("1s")
        Duration retryBackoff();

        /** Longest wait between two retries. */
        @WithDefault("5m")
        Duration maxBackoff();

        /** An alert still undelivered this long after it was raised is marked failed. */
        @WithDefault("24h")
        Duration giveUpAfter();

        /**
         * An incident change whose log time is older than this when Rootline learns of it (a backfill, an old
         * export) raises no alert.
         */
        @WithDefault("1h")
        Duration maxAge();
    }

    /** A Slack route: which incidents go to which channel's webhook. */
    interface Route {

        /** Services taken, as globs separated by commas ({@code *} any characters, {@code ?} one). */
        @WithDefault("*")
        String services();

        /** Least severity alerted on. */
        @WithDefault("low")
        SignatureSeverity minSeverity();

        /** Incoming-webhook URL of the channel. A secret: it is never logged nor shown. */
        String webhookUrl();

        /** Most alerts sent per {@code rate-window}; the rest go out as one digest. */
        @WithDefault("20")
        int rateLimit();

        /** The window of the rate limit. */
        @WithDefault("1m")
        Duration rateWindow();
    }

    interface PubSub {

        /**
         * The audience Pub/Sub push tokens must be issued for (the push subscription's
         * {@code --push-auth-token-audience}). Set, every push needs a valid OIDC token; unset, push is open.
         */
        Optional<String> oidcAudience();

        /** The issuer push tokens must name. */
        @WithDefault("https://accounts.google.com")
        String oidcIssuer();

        /** Where the issuer's signing keys are published; they are cached, and fetched again on an unknown key. */
        @WithDefault("https://www.googleapis.com/oauth2/v3/certs")
        String oidcJwksUrl();

        /** The service accounts (the token's verified {@code email}) allowed to push. */
        Optional<List<String>> oidcServiceAccounts();
    }

    interface Sources {

        /**
         * Cloud Logging API sources by name, e.g. {@code rootline.sources.logging.prod.project=my-project}. Each
         * tails the project's entries that match its filter; the first poll backfills one overlap window.
         */
        Map<String, LoggingSource> logging();

        /**
         * The Logging API endpoint, {@code host:port}; unset, Google's. For a private endpoint, or a local fake
         * with {@code logging-plaintext}.
         */
        Optional<String> loggingEndpoint();

        /** Talk to {@code logging-endpoint} without TLS or credentials: only for a local fake or emulator. */
        @WithDefault("false")
        boolean loggingPlaintext();

        /**
         * Pub/Sub subscriptions read by streaming pull, by name, e.g.
         * {@code rootline.sources.pubsub.sink.subscription=projects/my-project/subscriptions/rootline}. A message
         * is acknowledged once its entry is stored (or quarantined), and nacked, to come again, on a failure.
         */
        Map<String, PubSubSource> pubsub();

        /** The Pub/Sub endpoint, {@code host:port}; unset, Google's. For the emulator, with {@code pubsub-plaintext}. */
        Optional<String> pubsubEndpoint();

        /** Talk to {@code pubsub-endpoint} without TLS or credentials: only for the emulator. */
        @WithDefault("false")
        boolean pubsubPlaintext();
    }

    interface PubSubSource {

        /** The subscription's full name, {@code projects/<project>/subscriptions/<subscription>}. */
        String subscription();

        /** Messages received but not yet acknowledged, at most: Pub/Sub holds back the rest. */
        @WithDefault("1000")
        long maxOutstanding();

        /** Threads storing received messages; their writes share the store's group commit. */
        @WithDefault("8")
        int threads();
    }

    interface LoggingSource {

        /** The Google Cloud project whose logs are read. */
        String project();

        /** A Logging query language filter, e.g. {@code resource.type="cloud_run_revision" severity>=DEFAULT}. */
        Optional<String> filter();

        /** How long to wait between polls once caught up. */
        @WithDefault("5s")
        Duration pollInterval();

        /**
         * How far before the checkpoint each poll reads again, to catch entries that reach the API late; the
         * store's dedup makes the re-read free.
         */
        @WithDefault("2m")
        Duration overlap();

        /** Entries per page (the API's maximum is 1000). */
        @WithDefault("1000")
        int pageSize();
    }
}
