package dev.rootline.search;

import dev.rootline.app.InvalidQueryException;
import dev.rootline.engine.event.Severity;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/** Queries over the log index: newest first, paged by a stable (time, key) cursor. */
final class LuceneSearch {

    /** The longest a search may run; a longer one is refused as too broad rather than answered in part. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(10);

    private static final Sort NEWEST_FIRST = new Sort(
            new SortField(LuceneFields.TIME, SortField.Type.LONG, true),
            new SortField(LuceneFields.TIEBREAK, SortField.Type.LONG, true));
    private static final Sort OLDEST_FIRST = new Sort(
            new SortField(LuceneFields.TIME, SortField.Type.LONG),
            new SortField(LuceneFields.TIEBREAK, SortField.Type.LONG));

    private final SearcherManager searchers;
    private final Analyzer analyzer;

    LuceneSearch(SearcherManager searchers, Analyzer analyzer) {
        this.searchers = searchers;
        this.analyzer = analyzer;
    }

    /** Full text on the message; every other field is matched verbatim. */
    static Analyzer analyzer() {
        Map<String, Analyzer> keywords = new HashMap<>();
        for (String field : LuceneFields.KEYWORDS) {
            keywords.put(field, new KeywordAnalyzer());
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), keywords);
    }

    SearchPage search(SearchQuery q) throws IOException {
        Query query = toQuery(q);
        IndexSearcher shared = searchers.acquire();
        try {
            IndexSearcher searcher = bounded(shared);
            long total = searcher.count(query);
            // the cursor's (time, tie-break) is unique, so no document ties with it: put it after the last doc
            int lastDoc = Math.max(searcher.getIndexReader().maxDoc() - 1, 0);
            FieldDoc after = q.cursor()
                    .map(SearchCursor::decode)
                    .map(c -> new FieldDoc(lastDoc, Float.NaN, new Object[] {c.time(), c.tiebreak()}))
                    .orElse(null);
            TopFieldDocs top = searcher.searchAfter(after, query, q.limit(), NEWEST_FIRST, false);
            if (searcher.timedOut()) {
                throw new InvalidQueryException("the query ran longer than " + TIME_LIMIT.toSeconds() + " s: narrow it"
                        + " with a time range, a service, or fewer wildcards");
            }
            List<StoredEntry> items = load(searcher, top.scoreDocs);
            String next = null;
            if (top.scoreDocs.length == q.limit() && top.scoreDocs.length > 0) {
                FieldDoc last = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
                next = new SearchCursor((Long) last.fields[0], (Long) last.fields[1]).encode();
            }
            return new SearchPage(items, total, next);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException(
                    "q expands to too many terms (fuzzy, wildcard or range queries): " + e.getMessage());
        } finally {
            searchers.release(shared);
        }
    }

    /** A searcher of its own for one search, so that its time limit is its own. */
    private static IndexSearcher bounded(IndexSearcher shared) {
        IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
        searcher.setTimeout(new QueryTimeoutImpl(TIME_LIMIT.toMillis()));
        return searcher;
    }

    Optional<LogStore.EntryContext> context(String key, int before, int after) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TopFieldDocs hit = searcher.search(new TermQuery(new Term(LuceneFields.ID, key)), 1, NEWEST_FIRST, false);
            if (hit.scoreDocs.length == 0) {
                return Optional.empty();
            }
            FieldDoc self = (FieldDoc) hit.scoreDocs[0];
            Document doc = searcher.storedFields().document(self.doc);
            StoredEntry entry = LuceneFields.fromDocument(doc);
            Query sameStream = sameStream(entry);
            List<StoredEntry> earlier = load(
                    searcher,
                    searcher.searchAfter(self, sameStream, Math.max(before, 0), NEWEST_FIRST, false).scoreDocs);
            Collections.reverse(earlier);
            FieldDoc ascending = new FieldDoc(self.doc, Float.NaN, self.fields);
            List<StoredEntry> later = load(
                    searcher,
                    searcher.searchAfter(ascending, sameStream, Math.max(after, 0), OLDEST_FIRST, false).scoreDocs);
            return Optional.of(new LogStore.EntryContext(earlier, entry, later));
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * The same service version and, where there are instances, the same instance: an instance id is unique in
     * Cloud Run, but not across every source (two clusters may both have a pod {@code api-0}).
     */
    private static Query sameStream(StoredEntry entry) {
        BooleanQuery.Builder stream = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(LuceneFields.SERVICE, entry.scope().service())), BooleanClause.Occur.FILTER)
                .add(
                        new TermQuery(
                                new Term(LuceneFields.REVISION, entry.scope().version())),
                        BooleanClause.Occur.FILTER);
        String instance = entry.scope().instance();
        if (!instance.isEmpty()) {
            stream.add(new TermQuery(new Term(LuceneFields.INSTANCE, instance)), BooleanClause.Occur.FILTER);
        }
        return stream.build();
    }

    private Query toQuery(SearchQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Query text = q.text().filter(t -> !t.isBlank()).map(this::parse).orElseGet(MatchAllDocsQuery::new);
        b.add(text, BooleanClause.Occur.MUST);
        q.service().ifPresent(s -> b.add(new TermQuery(new Term(LuceneFields.SERVICE, s)), BooleanClause.Occur.FILTER));
        q.revision()
                .ifPresent(r -> b.add(new TermQuery(new Term(LuceneFields.REVISION, r)), BooleanClause.Occur.FILTER));
        q.minSeverity()
                .ifPresent(min -> b.add(
                        new TermInSetQuery(
                                LuceneFields.SEVERITY,
                                Arrays.stream(Severity.values())
                                        .filter(s -> s.atLeast(min))
                                        .map(s -> new BytesRef(s.name()))
                                        .toList()),
                        BooleanClause.Occur.FILTER));
        if (q.fromNanos().isPresent() || q.toNanos().isPresent()) {
            long from = q.fromNanos().orElse(Long.MIN_VALUE);
            long to = q.toNanos().map(t -> t - 1).orElse(Long.MAX_VALUE);
            b.add(LongPoint.newRangeQuery(LuceneFields.TIME, from, to), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private Query parse(String text) {
        QueryParser parser = new QueryParser(LuceneFields.MESSAGE, analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            throw new InvalidQueryException("q is not valid query syntax: "
                    + e.getMessage().lines().findFirst().orElse(""));
        } catch (TooComplexToDeterminizeException e) {
            throw new InvalidQueryException("q holds a regular expression too complex to run");
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("q cannot be run: " + e.getMessage());
        }
    }

    private static List<StoredEntry> load(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        List<StoredEntry> items = new ArrayList<>(hits.length);
        for (ScoreDoc hit : hits) {
            items.add(LuceneFields.fromDocument(searcher.storedFields().document(hit.doc)));
        }
        return items;
    }
}
