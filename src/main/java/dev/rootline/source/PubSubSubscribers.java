package dev.rootline.source;

import com.google.api.core.ApiService;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.core.InstantiatingExecutorProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.pubsub.v1.PubsubMessage;
import dev.rootline.app.Daemons;
import dev.rootline.ingest.PushOutcome;
import dev.rootline.ingest.PushService;
import dev.rootline.ingest.QuarantineService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Reads each configured Pub/Sub subscription by streaming pull. A message is handled as a push delivery is: it is
 * acknowledged once its entry is stored, or quarantined if it can never be; a transient failure nacks it, so
 * Pub/Sub delivers it again, and the store's dedup keeps a message that was stored before the failure from
 * counting twice. A subscriber that fails as a whole (say, the subscription is missing) is restarted with backoff.
 */
@ApplicationScoped
class PubSubSubscribers {

    private static final Logger LOG = Logger.getLogger(PubSubSubscribers.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final SourcesConfig config;
    private final PushService push;
    private final SourceStates states;
    private final MeterRegistry metrics;
    private final Map<String, Subscriber> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService restarts =
            Executors.newSingleThreadScheduledExecutor(Daemons.named("rootline-pubsub-restart"));
    private volatile boolean stopping;

    PubSubSubscribers(SourcesConfig config, PushService push, SourceStates states, MeterRegistry metrics) {
        this.config = config;
        this.push = push;
        this.states = states;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent started) {
        config.pubsub().forEach((name, source) -> {
            states.started(name);
            subscribe(name, source);
        });
    }

    /** Stops pulling and lets the messages in hand finish, so each is acked or nacked before the store closes. */
    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
        restarts.shutdownNow();
        running.values().forEach(Subscriber::stopAsync);
        for (Subscriber subscriber : running.values()) {
            try {
                subscriber.awaitTerminated(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | IllegalStateException e) {
                LOG.warnf("Subscriber of %s did not stop cleanly: %s", subscriber.getSubscriptionNameString(), e);
            }
        }
    }

    private void subscribe(String name, SourcesConfig.PubSubSource source) {
        MessageReceiver receiver = (message, reply) -> receive(name, source.subscription(), message, reply);
        Subscriber.Builder builder = Subscriber.newBuilder(source.subscription(), receiver)
                .setFlowControlSettings(FlowControlSettings.newBuilder()
                        .setMaxOutstandingElementCount(source.maxOutstanding())
                        .build())
                .setExecutorProvider(InstantiatingExecutorProvider.newBuilder()
                        .setExecutorThreadCount(source.threads())
                        .build());
        config.pubsubEndpoint().ifPresent(endpoint -> {
            builder.setChannelProvider(GrpcChannels.to(endpoint, config.pubsubPlaintext()));
            if (config.pubsubPlaintext()) {
                builder.setCredentialsProvider(NoCredentialsProvider.create());
            }
        });
        Subscriber subscriber = builder.build();
        subscriber.addListener(
                new ApiService.Listener() {
                    @Override
                    public void failed(ApiService.State from, Throwable failure) {
                        restart(name, source, failure);
                    }
                },
                Runnable::run);
        running.put(name, subscriber);
        subscriber.startAsync();
    }

    private void restart(String name, SourcesConfig.PubSubSource source, Throwable failure) {
        long failures = states.failed(name, failure.getClass().getSimpleName(), failure.getMessage());
        Duration wait = PullSources.backoff(failures);
        LOG.warnf("Subscriber %s failed (%s), restarting in %s", name, failure.getMessage(), wait);
        if (!stopping) {
            restarts.schedule(() -> subscribe(name, source), wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void receive(String name, String subscription, PubsubMessage message, AckReplyConsumer reply) {
        QuarantineService.Delivery delivery = new QuarantineService.Delivery(
                "pubsub-pull",
                message.getMessageId(),
                subscription,
                message.getData().toByteArray());
        try {
            PushOutcome outcome = push.receive(delivery, false);
            reply.ack();
            metrics.counter("rootline.source.messages", "source", name, "reply", "ack")
                    .increment();
            states.stored(
                    name,
                    outcome instanceof PushOutcome.Stored stored
                            ? stored.result().accepted()
                            : 0);
        } catch (IOException | RuntimeException e) {
            reply.nack();
            metrics.counter("rootline.source.messages", "source", name, "reply", "nack")
                    .increment();
            states.failed(name, e.getClass().getSimpleName(), e.getMessage());
            LOG.debugf(e, "Message %s of %s not stored; nacked for redelivery", message.getMessageId(), name);
        }
    }
}
