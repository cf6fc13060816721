package dev.rootline.incident;

import dev.rootline.engine.rca.Reattribution;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.rca.StoredMatch;
import dev.rootline.engine.rca.StoredSpan;
import dev.rootline.template.TemplateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A service's signals in the database, on one transaction's connection. */
record StoredMatches(Connection c, String service, MatchRepository matches, LoadedSignatures signatures)
        implements ServiceMatches {

    @FunctionalInterface
    private interface Read<T> {
        T run() throws SQLException;
    }

    @Override
    public List<Signal> fresh(List<Signal> signals) {
        return sql(() -> matches.fresh(c, service, signals));
    }

    @Override
    public StoredSpan around(long contextFromNanos, long fromNanos, long toNanos, Set<String> context) {
        return StoredSpan.of(
                sql(() -> matches.load(c, service, contextFromNanos, fromNanos, toNanos, context, signatures)),
                fromNanos);
    }

    @Override
    public List<StoredMatch> ofIncidents(Set<String> incidentIds) {
        return sql(() -> matches.ofIncidents(c, service, incidentIds, signatures));
    }

    @Override
    public void store(Reattribution r, Map<String, TemplateStore.Sighting> sightings) {
        sql(() -> {
            matches.insert(c, service, r.inserted(), sightings);
            matches.attribute(c, service, r.moved());
            matches.attribute(
                    c,
                    service,
                    r.detached().stream()
                            .map(s -> new StoredMatch(s, null, null))
                            .toList());
            return null;
        });
    }

    /** Rows of one service from a time on, at most {@code limit}: what a {@link MatchWindow} starts from. */
    List<StoredMatch> since(long fromNanos, int limit) {
        return sql(() -> matches.since(c, service, fromNanos, limit, signatures));
    }

    private static <T> T sql(Read<T> read) {
        try {
            return read.run();
        } catch (SQLException e) {
            throw new CorrelationFailedException(e);
        }
    }
}
