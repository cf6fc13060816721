package dev.rootline.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Scope;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The OpenSearch store's schema (mappings in {@code opensearch/*-mapping.json}): an event document holds the
 * original entries to rebuild the event from and the fields search filters on, as the Lucene index does; a member
 * document stands for each later entry of a joined event, so that dedup finds it by id.
 */
final class OpenSearchDocuments {

    private OpenSearchDocuments() {}

    record EventDocument(
            long time,
            long tiebreak,
            long received,
            String severity,
            String service,
            String revision,
            String instance,
            @JsonProperty("resource_type") String resourceType,
            String logName,
            String insertId,
            List<String> signature,
            String message,
            List<String> entry) {

        static EventDocument of(LogStore.StoredEvent stored, long receivedNanos) {
            LogEvent event = stored.event();
            Scope scope = event.scope();
            return new EventDocument(
                    event.timeNanos(),
                    LuceneFields.tiebreak(event.key()),
                    receivedNanos,
                    event.severity().name(),
                    scope.service(),
                    scope.version(),
                    scope.instance(),
                    scope.resourceType(),
                    event.logName(),
                    event.insertId(),
                    stored.signatures(),
                    event.message(),
                    event.entries().stream()
                            .map(e -> new String(e, StandardCharsets.UTF_8))
                            .toList());
        }

        StoredEntry toEntry() {
            return StoredEntries.rebuild(
                    entry.stream().map(e -> e.getBytes(StandardCharsets.UTF_8)).toList(),
                    time,
                    received,
                    signature == null ? List.of() : signature);
        }
    }

    /** A later member of a joined event: the key of the event it belongs to, and that event's times. */
    record MemberDocument(String event, long time, long received) {}
}
