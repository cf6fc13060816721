package dev.rootline.search;

import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.cat.indices.IndicesRecord;

/**
 * The store's daily indices: {@code <prefix>-events-<day>} and {@code <prefix>-members-<day>}, by the event's own
 * time, which its key includes, so that the same entry sent to any replica lands in the same index under the same id.
 * Cloud Logging refuses entries more than 30 days old or a day ahead, which bounds how many days there are.
 */
final class OpenSearchIndices {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuu.MM.dd").withZone(ZoneOffset.UTC);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final String prefix;

    OpenSearchIndices(String prefix) {
        this.prefix = prefix;
    }

    String events(long timeNanos) {
        return prefix + "-events-" + day(timeNanos);
    }

    String members(long timeNanos) {
        return prefix + "-members-" + day(timeNanos);
    }

    /** Whether an index is one of this store's event indices (not a members one). */
    boolean isEvents(String index) {
        return index.startsWith(prefix + "-events-");
    }

    String allEvents() {
        return prefix + "-events-*";
    }

    String allMembers() {
        return prefix + "-members-*";
    }

    private static String day(long timeNanos) {
        return DAY.format(Instant.ofEpochSecond(Math.floorDiv(timeNanos, NANOS_PER_SECOND)));
    }

    /** Index templates, so that each daily index is created on first write with the store's mapping and shards. */
    void putTemplates(OpenSearchClient client, StoreConfig.OpenSearch config) throws IOException {
        template(client, config, "events", allEvents());
        template(client, config, "members", allMembers());
    }

    private void template(OpenSearchClient client, StoreConfig.OpenSearch config, String kind, String pattern)
            throws IOException {
        TypeMapping mapping = mapping(client._transport().jsonpMapper(), kind);
        client.indices()
                .putIndexTemplate(t -> t.name(prefix + "-" + kind)
                        .indexPatterns(pattern)
                        .template(m -> m.mappings(mapping)
                                .settings(s -> s.numberOfShards(Integer.toString(config.shards()))
                                        .numberOfReplicas(Integer.toString(config.replicas())))));
    }

    /** The day an index of this store is for; empty for another index the pattern matched. */
    private static Optional<LocalDate> dayOf(String index) {
        try {
            return Optional.of(LocalDate.parse(index.substring(index.lastIndexOf('-') + 1), DAY));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static TypeMapping mapping(JsonpMapper mapper, String kind) throws IOException {
        try (InputStream json = OpenSearchIndices.class.getResourceAsStream("/opensearch/" + kind + "-mapping.json");
                JsonParser parser = mapper.jsonProvider().createParser(json)) {
            return TypeMapping._DESERIALIZER.deserialize(parser, mapper);
        }
    }

    /** Drops the empty indices of days that ended before the cutoff: retention has deleted what they held. */
    void dropEmptyBefore(OpenSearchClient client, long cutoffNanos) throws IOException {
        LocalDate cutoffDay =
                LocalDate.ofInstant(Instant.ofEpochSecond(cutoffNanos / NANOS_PER_SECOND), ZoneOffset.UTC);
        List<String> empty = new ArrayList<>();
        for (IndicesRecord index :
                client.cat().indices(r -> r.index(allEvents(), allMembers())).valueBody()) {
            String name = index.index();
            if (dayOf(name).filter(cutoffDay::isAfter).isPresent() && "0".equals(index.docsCount())) {
                empty.add(name);
            }
        }
        if (!empty.isEmpty()) {
            client.indices().delete(d -> d.index(empty));
        }
    }
}
