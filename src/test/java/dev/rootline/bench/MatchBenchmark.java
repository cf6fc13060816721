package dev.rootline.bench;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.signature.CompiledSignature;
import dev.rootline.engine.signature.Conjunction;
import dev.rootline.engine.signature.Match;
import dev.rootline.engine.signature.Prefilter;
import dev.rootline.engine.signature.SignatureCompiler;
import dev.rootline.engine.signature.SignatureDefinition;
import dev.rootline.engine.signature.SignatureSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Match-only throughput, one message per operation, on real messages (the dev exports and Loghub-2k lines), with
 * 20, 200 and 2000 signatures (the bundled packs, then signatures made from Loghub templates), against two
 * baselines holding the same signatures: (a) a loop of java.util.regex find() over every signature, and (b)
 * Lucene Monitor with each signature's required literal as its query, confirmed by the regex.
 * Run: bench/jmh.sh MatchBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class MatchBenchmark {

    @Param({"20", "200", "2000"})
    public int signatures;

    private SignatureSet set;
    private List<java.util.regex.Pattern> jdkPatterns;
    private Map<String, com.google.re2j.Pattern> confirm;
    private Monitor monitor;
    private List<LogEvent> events;
    private int next;

    @Setup
    public void setUp() throws Exception {
        List<SignatureDefinition> definitions = BenchData.signatures(signatures);
        set = SignatureCompiler.compile(definitions);
        events = BenchData.messages();
        jdkPatterns = new ArrayList<>();
        confirm = new HashMap<>();
        Analyzer analyzer = new StandardAnalyzer();
        monitor = new Monitor(analyzer);
        List<MonitorQuery> queries = new ArrayList<>();
        for (CompiledSignature s : set.signatures()) {
            String regex = s.definition().match().message();
            jdkPatterns.add(java.util.regex.Pattern.compile(regex));
            confirm.put(s.id(), com.google.re2j.Pattern.compile(regex));
            queries.add(new MonitorQuery(s.id(), prefilterQuery(analyzer, s.prefilter())));
        }
        monitor.register(queries);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        monitor.close();
    }

    private LogEvent nextEvent() {
        LogEvent e = events.get(next);
        next = next + 1 == events.size() ? 0 : next + 1;
        return e;
    }

    @Benchmark
    public List<Match> rootline() {
        return set.match(nextEvent());
    }

    @Benchmark
    public int jdkRegexLoop() {
        String message = nextEvent().message();
        int found = 0;
        for (java.util.regex.Pattern p : jdkPatterns) {
            if (p.matcher(message).find()) {
                found++;
            }
        }
        return found;
    }

    @Benchmark
    public int luceneMonitor() throws IOException {
        String message = nextEvent().message();
        Document doc = new Document();
        doc.add(new TextField("message", message, Field.Store.NO));
        MatchingQueries<QueryMatch> matches = monitor.match(doc, QueryMatch.SIMPLE_MATCHER);
        int found = 0;
        for (QueryMatch m : matches.getMatches()) {
            if (confirm.get(m.getQueryId()).matcher(message).find()) {
                found++;
            }
        }
        return found;
    }

    /** The same prefilter as Rootline's, as a query: any branch; in a branch, every group; in a group, any literal. */
    private static Query prefilterQuery(Analyzer analyzer, Prefilter prefilter) throws IOException {
        if (prefilter.everyLine()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Conjunction branch : prefilter.branches()) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (List<String> group : branch.groups()) {
                all.add(literalQuery(analyzer, group), BooleanClause.Occur.MUST);
            }
            any.add(all.build(), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /** Any of the literals, each as all of its terms; with a literal that has no terms, everything. */
    private static Query literalQuery(Analyzer analyzer, List<String> literals) throws IOException {
        if (literals == null) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String literal : literals) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            int terms = 0;
            try (TokenStream tokens = analyzer.tokenStream("message", literal)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    all.add(new TermQuery(new Term("message", term.toString())), BooleanClause.Occur.MUST);
                    terms++;
                }
                tokens.end();
            }
            if (terms == 0) {
                return new MatchAllDocsQuery();
            }
            any.add(all.build(), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }
}
