package dev.rootline.search;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.search.OpenSearchDocuments.EventDocument;
import dev.rootline.search.OpenSearchDocuments.MemberDocument;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.mget.MultiGetOperation;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The log store on an OpenSearch cluster that every replica shares (docs/architecture.md, "Replicas"). Each event is
 * a document whose id is its key, created with {@code op_type=create}: an entry two replicas store at once is stored
 * once, and the second learns it was a duplicate. An append is acknowledged once the cluster has acknowledged the
 * bulk request, which it does after writing every operation to the translog of each in-sync shard copy and fsyncing
 * it ({@code index.translog.durability: request}, the default). A refresh only makes documents searchable; searches
 * refresh first when this replica has written since, so a client reads its own writes.
 */
public final class OpenSearchLogStore implements LogStore {

    /** How far a joined event's later entries may trail its first, for finding their member documents. */
    private static final long MEMBER_SPAN_NANOS = TimeUnit.HOURS.toNanos(1);

    private static final int SEARCH_ATTEMPTS = 50;
    private static final long SEARCH_RETRY_MILLIS = 100;

    private final OpenSearchClient client;
    private final OpenSearchIndices indices;
    private final OpenSearchSearch search;
    private final ClusterHealth health;
    private final StoreConfig.OpenSearch config;
    /** Whether this replica wrote since its last refresh; at start it cannot know what others wrote, so it did. */
    private final AtomicBoolean unrefreshed = new AtomicBoolean(true);

    private volatile boolean templatesPut;

    /** Starts even when the cluster is down (not ready, then), as the Lucene store does on a failed disk. */
    public OpenSearchLogStore(OpenSearchClient client, StoreConfig.OpenSearch config) {
        this.client = client;
        this.config = config;
        this.indices = new OpenSearchIndices(config.indexPrefix());
        this.search = new OpenSearchSearch(client, indices);
        this.health = new ClusterHealth(client, config.hosts().toString());
        try {
            putTemplates();
        } catch (IOException e) {
            // down, and said so by readiness; the first append tries again
        }
    }

    /** The daily indices' templates must be in place before the first write creates one. */
    private void putTemplates() throws IOException {
        if (!templatesPut) {
            health.call(() -> {
                indices.putTemplates(client, config);
                return null;
            });
            templatesPut = true;
        }
    }

    @Override
    public Set<String> append(List<StoredEvent> events, long receivedNanos) throws IOException {
        if (events.isEmpty()) {
            return Set.of();
        }
        putTemplates();
        List<BulkOperation> operations = new ArrayList<>();
        for (StoredEvent stored : events) {
            LogEvent event = stored.event();
            EventDocument doc = EventDocument.of(stored, receivedNanos);
            operations.add(BulkOperation.of(o -> o.create(c ->
                    c.index(indices.events(event.timeNanos())).id(event.key()).document(doc))));
            MemberDocument member = new MemberDocument(event.key(), event.timeNanos(), receivedNanos);
            for (String key : event.memberKeys().subList(1, event.memberKeys().size())) {
                operations.add(BulkOperation.of(o -> o.create(
                        c -> c.index(indices.members(event.timeNanos())).id(key).document(member))));
            }
        }
        BulkResponse response = health.call(() -> client.bulk(b -> b.operations(operations)));
        unrefreshed.set(true);
        return storedBefore(response);
    }

    /** The events another writer had stored first; any other failed operation fails the whole append. */
    private Set<String> storedBefore(BulkResponse response) throws StorageUnavailableException {
        Set<String> conflicts = new HashSet<>();
        for (BulkResponseItem item : response.items()) {
            if (item.status() == 409) {
                if (indices.isEvents(item.index())) {
                    conflicts.add(item.id());
                }
            } else if (item.error() != null) {
                throw new StorageUnavailableException(
                        "the cluster refused to store an entry (" + item.status() + "): "
                                + item.error().reason(),
                        null);
            }
        }
        return conflicts;
    }

    /**
     * Looks each key up by id, in real time: as an event's first entry in its day's index, or as a later member in
     * that day's or, just past midnight, the previous day's. An entry without timestamps took this arrival's time,
     * so its day is not fixed by its key: those are also searched for in every day, as refreshed.
     */
    @Override
    public Set<String> held(List<LogEvent> entries, long receivedNanos) throws IOException {
        List<MultiGetOperation> lookups = new ArrayList<>();
        for (LogEvent entry : entries) {
            long time = entry.timeNanos();
            lookups.add(get(indices.events(time), entry.key()));
            lookups.add(get(indices.members(time), entry.key()));
            String earlier = indices.members(time - MEMBER_SPAN_NANOS);
            if (!earlier.equals(indices.members(time))) {
                lookups.add(get(earlier, entry.key()));
            }
        }
        Set<String> held = new HashSet<>();
        for (MultiGetResponseItem<Void> item : health.call(() ->
                        client.mget(m -> m.docs(lookups).source(s -> s.fetch(false)), Void.class))
                .docs()) {
            if (item.isResult() && item.result().found()) {
                held.add(item.result().id());
            }
        }
        List<String> undated = entries.stream()
                .filter(e -> e.timeNanos() == receivedNanos && !held.contains(e.key()))
                .map(LogEvent::key)
                .toList();
        if (!undated.isEmpty()) {
            held.addAll(storedTimes(undated).keySet());
        }
        return held;
    }

    private static MultiGetOperation get(String index, String id) {
        return MultiGetOperation.of(g -> g.index(index).id(id));
    }

    @Override
    public OptionalLong storedTime(String key) throws IOException {
        Long time = storedTimes(List.of(key)).get(key);
        return time == null ? OptionalLong.empty() : OptionalLong.of(time);
    }

    /** The event times of the keys stored as events or members in any day's index. */
    private Map<String, Long> storedTimes(List<String> keys) throws IOException {
        refreshIfWritten();
        List<Hit<MemberDocument>> hits = searching(() -> client.search(
                        s -> s.index(indices.allEvents(), indices.allMembers())
                                .ignoreUnavailable(true)
                                .allowNoIndices(true)
                                .query(q -> q.ids(i -> i.values(keys)))
                                .source(src -> src.filter(f -> f.includes("time")))
                                .size(keys.size()),
                        MemberDocument.class))
                .hits()
                .hits();
        Map<String, Long> times = new HashMap<>();
        hits.forEach(hit -> times.put(hit.id(), hit.source().time()));
        return times;
    }

    @Override
    public SearchPage search(SearchQuery query) throws IOException {
        refreshIfWritten();
        return searching(() -> search.search(query));
    }

    @Override
    public Optional<EntryContext> context(String key, int before, int after) throws IOException {
        refreshIfWritten();
        return searching(() -> search.context(key, before, after));
    }

    /**
     * A search, tried again for a few seconds while the cluster answers it with an error: a daily index that a
     * concurrent write is creating fails every search ("all shards failed") until its primary shard has started.
     */
    private <T> T searching(ClusterHealth.Call<T> search) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return health.query(search);
            } catch (StorageUnavailableException e) {
                if (!ClusterHealth.answered(e) || attempt == SEARCH_ATTEMPTS) {
                    throw e;
                }
            }
            try {
                Thread.sleep(SEARCH_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the cluster");
            }
        }
    }

    /** Makes what this replica stored searchable, once for all its writes since the last search. */
    private void refreshIfWritten() throws IOException {
        if (unrefreshed.getAndSet(false)) {
            try {
                searching(() -> client.indices()
                        .refresh(r -> r.index(indices.allEvents(), indices.allMembers())
                                .ignoreUnavailable(true)
                                .allowNoIndices(true)));
            } catch (IOException | RuntimeException e) {
                unrefreshed.set(true);
                throw e;
            }
        }
    }

    @Override
    public long deleteReceivedBefore(long cutoffNanos) throws IOException {
        refreshIfWritten(); // delete-by-query deletes what its search finds
        long deleted = health.call(() -> deleteBefore(indices.allEvents(), cutoffNanos));
        health.call(() -> deleteBefore(indices.allMembers(), cutoffNanos));
        health.call(() -> {
            indices.dropEmptyBefore(client, cutoffNanos);
            return null;
        });
        return deleted;
    }

    private long deleteBefore(String pattern, long cutoffNanos) throws IOException {
        Long deleted = client.deleteByQuery(d -> d.index(pattern)
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .refresh(true)
                        .query(q -> q.range(r -> r.field("received").lt(JsonData.of(cutoffNanos)))))
                .deleted();
        return deleted == null ? 0 : deleted;
    }

    @Override
    public Optional<String> unavailable() {
        return health.unavailable();
    }

    @Override
    public Map<String, Object> healthData() {
        return Map.of("opensearch", health.hosts());
    }

    @Override
    public void close() throws IOException {
        client._transport().close();
    }
}
