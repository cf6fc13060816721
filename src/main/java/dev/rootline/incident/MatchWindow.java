package dev.rootline.incident;

import dev.rootline.engine.rca.Correlator;
import dev.rootline.engine.rca.FailurePlaces;
import dev.rootline.engine.rca.Familiarity;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.rca.StoredMatch;
import dev.rootline.engine.rca.StoredSpan;
import dev.rootline.engine.signature.SignatureSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every stored signal of one service from {@code coveredFrom} on, as {@link MatchRepository#load} reads them, with
 * their attributions: the recent end of a service's {@code log_match} rows, kept in memory between batches.
 * {@link WindowedMatches} writes each change to both. Its failures are kept filed by place too, so that a batch
 * finds what its chains reach without walking its span (docs/architecture.md, "The batch's reach").
 */
final class MatchWindow {

    /** Before every signal at this time or later, in event order. */
    private static Signal from(long nanos) {
        return new Signal("", null, nanos, "", "", null, Map.of(), "", Familiarity.SEEN);
    }

    /**
     * In correlation's event order, which refines the primary key's (time, entry key, signature): a span read from
     * here reaches correlation already sorted.
     */
    private final NavigableMap<Signal, StoredMatch> rows = new TreeMap<>(Correlator.EVENT_ORDER);
    /** The failures among {@code rows}, the very same signals, filed for a batch's reach. */
    private final FailurePlaces failures;

    private final SignatureSet signatures;
    private long coveredFrom;
    /** The version of the service row these rows are current for; set when the transaction that wrote them commits. */
    private long version;

    /** {@code rows}: every stored row of the service from {@code coveredFrom} on, read under {@code signatures}. */
    MatchWindow(SignatureSet signatures, long coveredFrom, Collection<StoredMatch> rows) {
        this.signatures = signatures;
        this.coveredFrom = coveredFrom;
        rows.forEach(row -> this.rows.put(row.signal(), row));
        this.failures = FailurePlaces.of(this.rows.keySet());
    }

    /** Whether it holds what the database holds at this version, under these signatures. */
    boolean currentAt(long serviceVersion, SignatureSet current) {
        return version == serviceVersion && signatures == current;
    }

    void committedAs(long serviceVersion) {
        version = serviceVersion;
    }

    /** Whether it holds every stored row from this time on. */
    boolean covers(long fromNanos) {
        return fromNanos >= coveredFrom;
    }

    int size() {
        return rows.size();
    }

    /**
     * What {@link MatchRepository#fresh} returns: the signals it does not hold, each once. Their times must be
     * {@link #covers covered}.
     */
    List<Signal> fresh(List<Signal> signals) {
        Set<Signal> seen = new TreeSet<>(Correlator.EVENT_ORDER);
        return signals.stream().filter(s -> !rows.containsKey(s) && seen.add(s)).toList();
    }

    /**
     * The span {@link MatchRepository#load} reads for the same arguments, served from memory: a view, valid until
     * the window next changes. {@code contextFromNanos} must be covered.
     */
    StoredSpan span(long contextFromNanos, long fromNanos, long toNanos, Set<String> contextSignatures) {
        return new Span(contextFromNanos, fromNanos, toNanos, contextSignatures);
    }

    /** Records new rows, as {@link MatchRepository#insert} stores them. */
    void insert(Collection<StoredMatch> placed) {
        for (StoredMatch p : placed) {
            Signal stored = MatchColumns.asLoaded(p.signal());
            if (covers(stored.timeNanos())
                    && rows.put(stored, new StoredMatch(stored, p.incidentId(), p.depth())) == null) {
                failures.add(stored);
            }
        }
    }

    /** Records what {@link MatchRepository#attribute} writes. */
    void attribute(Collection<StoredMatch> placed) {
        placed.forEach(row -> replace(row.signal(), row.incidentId(), row.depth()));
    }

    void detach(Collection<Signal> signals) {
        signals.forEach(s -> replace(s, null, null));
    }

    /** Forgets the rows before this time: the window then covers from there on. */
    void dropBefore(long nanos) {
        if (nanos > coveredFrom) {
            rows.headMap(from(nanos)).clear();
            failures.dropBefore(nanos);
            coveredFrom = nanos;
        }
    }

    private void replace(Signal signal, String incidentId, Integer depth) {
        StoredMatch row = rows.get(signal);
        if (row != null) {
            rows.put(row.signal(), new StoredMatch(row.signal(), incidentId, depth));
        }
    }

    /** A span of the window's rows, read where it is asked for. */
    private final class Span implements StoredSpan {
        private final long contextFromNanos;
        private final long fromNanos;
        private final long toNanos;
        private final Set<String> contextSignatures;

        Span(long contextFromNanos, long fromNanos, long toNanos, Set<String> contextSignatures) {
            this.contextFromNanos = contextFromNanos;
            this.fromNanos = fromNanos;
            this.toNanos = toNanos;
            this.contextSignatures = contextSignatures;
        }

        @Override
        public List<StoredMatch> recent() {
            return new ArrayList<>(
                    rows.subMap(from(fromNanos), from(toNanos + 1)).values());
        }

        @Override
        public List<StoredMatch> all() {
            List<StoredMatch> out = new ArrayList<>();
            for (StoredMatch row :
                    rows.subMap(from(contextFromNanos), from(fromNanos)).values()) {
                if (contextSignatures.contains(row.signal().signatureId())) {
                    out.add(row);
                }
            }
            out.addAll(recent());
            return out;
        }

        @Override
        public FailurePlaces failures() {
            return failures;
        }

        @Override
        public long firstNanos() {
            return contextFromNanos;
        }

        @Override
        public long lastNanos() {
            return toNanos;
        }

        @Override
        public StoredMatch rowOf(Signal signal) {
            return rows.get(signal);
        }
    }
}
