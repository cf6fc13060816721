package dev.rootline.search;

import dev.rootline.app.InvalidQueryException;
import dev.rootline.engine.event.Severity;
import dev.rootline.search.OpenSearchDocuments.EventDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Queries over the event indices, with the Lucene store's semantics: Lucene syntax over the message, keywords
 * matched verbatim, newest first, paged by the same (time, tie-break) cursor.
 */
final class OpenSearchSearch {

    private final OpenSearchClient client;
    private final OpenSearchIndices indices;

    OpenSearchSearch(OpenSearchClient client, OpenSearchIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    SearchPage search(SearchQuery q) throws IOException {
        SearchResponse<EventDocument> response = client.search(
                s -> {
                    overEvents(s)
                            .query(toQuery(q))
                            .size(q.limit())
                            .trackTotalHits(t -> t.enabled(true))
                            .timeout(LuceneSearch.TIME_LIMIT.toSeconds() + "s");
                    sorted(s, SortOrder.Desc);
                    q.cursor().map(SearchCursor::decode).ifPresent(after -> searchAfter(s, after));
                    return s;
                },
                EventDocument.class);
        if (Boolean.TRUE.equals(response.timedOut())) {
            throw new InvalidQueryException("the query ran longer than " + LuceneSearch.TIME_LIMIT.toSeconds()
                    + " s: narrow it with a time range, a service, or fewer wildcards");
        }
        List<Hit<EventDocument>> hits = response.hits().hits();
        String next = null;
        if (hits.size() == q.limit() && !hits.isEmpty()) {
            EventDocument last = hits.get(hits.size() - 1).source();
            next = new SearchCursor(last.time(), last.tiebreak()).encode();
        }
        long total = response.hits().total() == null
                ? hits.size()
                : response.hits().total().value();
        return new SearchPage(entries(hits), total, next);
    }

    Optional<LogStore.EntryContext> context(String key, int before, int after) throws IOException {
        List<Hit<EventDocument>> self = client.search(
                        s -> overEvents(s).query(q -> q.ids(i -> i.values(key))).size(1), EventDocument.class)
                .hits()
                .hits();
        if (self.isEmpty()) {
            return Optional.empty();
        }
        EventDocument doc = self.get(0).source();
        StoredEntry entry = doc.toEntry();
        SearchCursor position = new SearchCursor(doc.time(), doc.tiebreak());
        List<StoredEntry> earlier = around(entry, position, SortOrder.Desc, before);
        Collections.reverse(earlier);
        return Optional.of(new LogStore.EntryContext(earlier, entry, around(entry, position, SortOrder.Asc, after)));
    }

    private List<StoredEntry> around(StoredEntry entry, SearchCursor position, SortOrder order, int count)
            throws IOException {
        if (count <= 0) {
            return new ArrayList<>();
        }
        SearchResponse<EventDocument> response = client.search(
                s -> {
                    overEvents(s).query(sameStream(entry)).size(count);
                    sorted(s, order);
                    return searchAfter(s, position);
                },
                EventDocument.class);
        return entries(response.hits().hits());
    }

    /** The same service version and, where there are instances, the same instance (as in the Lucene store). */
    private static Query sameStream(StoredEntry entry) {
        BoolQuery.Builder stream = new BoolQuery.Builder()
                .filter(term("service", entry.scope().service()))
                .filter(term("revision", entry.scope().version()));
        String instance = entry.scope().instance();
        if (!instance.isEmpty()) {
            stream.filter(term("instance", instance));
        }
        return stream.build().toQuery();
    }

    private static Query toQuery(SearchQuery q) {
        BoolQuery.Builder b = new BoolQuery.Builder();
        q.text()
                .filter(t -> !t.isBlank())
                .ifPresent(text -> b.must(m -> m.queryString(qs -> qs.query(text)
                        .defaultField("message")
                        .defaultOperator(Operator.And)
                        .allowLeadingWildcard(false))));
        q.service().ifPresent(s -> b.filter(term("service", s)));
        q.revision().ifPresent(r -> b.filter(term("revision", r)));
        q.minSeverity()
                .ifPresent(min -> b.filter(f -> f.terms(t -> t.field("severity")
                        .terms(v -> v.value(Arrays.stream(Severity.values())
                                .filter(s -> s.atLeast(min))
                                .map(s -> FieldValue.of(s.name()))
                                .toList())))));
        if (q.fromNanos().isPresent() || q.toNanos().isPresent()) {
            b.filter(f -> f.range(r -> {
                r.field("time");
                q.fromNanos().ifPresent(from -> r.gte(JsonData.of(from)));
                q.toNanos().ifPresent(to -> r.lt(JsonData.of(to)));
                return r;
            }));
        }
        return b.build().toQuery();
    }

    /** Every day's event index; none yet is no error, just no hits. */
    private SearchRequest.Builder overEvents(SearchRequest.Builder s) {
        return s.index(indices.allEvents()).ignoreUnavailable(true).allowNoIndices(true);
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    private static void sorted(SearchRequest.Builder s, SortOrder order) {
        s.sort(o -> o.field(f -> f.field("time").order(order)))
                .sort(o -> o.field(f -> f.field("tiebreak").order(order)));
    }

    private static SearchRequest.Builder searchAfter(SearchRequest.Builder s, SearchCursor after) {
        return s.searchAfterVals(FieldValue.of(after.time()), FieldValue.of(after.tiebreak()));
    }

    private static List<StoredEntry> entries(List<Hit<EventDocument>> hits) {
        return hits.stream().map(h -> h.source().toEntry()).collect(Collectors.toList());
    }
}
