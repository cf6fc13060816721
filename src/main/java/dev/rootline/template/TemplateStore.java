package dev.rootline.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.app.Columns;
import dev.rootline.app.Sql;
import dev.rootline.engine.rca.Familiarity;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.template.MaskRule;
import dev.rootline.engine.template.MinerConfig;
import dev.rootline.engine.template.TemplateMiner;
import dev.rootline.engine.template.TemplateMiners;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps a template miner per service, its templates in the {@code template} tables. Correlation hands it each
 * unknown error once, when the error is first stored, inside its transaction and under the service's lock, so
 * counts are exact across replays and replicas. A service's templates are put back into its miner the first time
 * it is mined after a start, so a template keeps its id and counts on. The miner is a cache of those rows: before
 * each batch it checks that the service's total count is what it left, and restores itself when another replica (or
 * a rolled-back transaction) changed them since, so every replica mines a line into the same template.
 */
@ApplicationScoped
public class TemplateStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SAMPLES = 3;
    /** Widths of {@code template.text} and {@code template.samples} (V5__templates.sql). */
    private static final int TEXT_WIDTH = 4000;

    private static final int SAMPLES_WIDTH = 16_000;
    private static final String TRACEBACK = "Traceback (most recent call last):";

    /** Where an unknown error went: its template, and how well the service knew that template then. */
    public record Sighting(String templateId, Familiarity familiarity) {}

    /** Whether a revision was ready, and so serving, at an event time. */
    @FunctionalInterface
    public interface Serving {
        boolean at(String revision, long timeNanos);
    }

    private final MinerConfig config;
    /** Guarded by itself, as is {@link #minedTotals}. */
    private final Map<String, TemplateMiner> miners = new HashMap<>();
    /** Per service, the total count of its templates in the database once its miner had mined. */
    private final Map<String, Long> minedTotals = new HashMap<>();

    TemplateStore(TemplatesConfig config) {
        List<MaskRule> masks = new ArrayList<>(TemplateMiners.MASKS);
        config.masks().forEach((name, regex) -> masks.add(new MaskRule(name, Pattern.compile(regex), "", false)));
        MinerConfig defaults = TemplateMiners.defaults();
        this.config = new MinerConfig(
                masks,
                defaults.digitVariables(),
                defaults.prefixTokens(),
                config.similarity(),
                defaults.maxChildren(),
                config.maxPerService());
    }

    /**
     * Mines unknown errors of one service that are new to the database, and records them; by entry key. A line is
     * background when serving revisions had logged its template {@link Familiarity#STEADY} times before it, in
     * the order lines are stored.
     */
    public Map<String, Sighting> mine(Connection c, String service, List<Signal> unknowns, Serving serving)
            throws SQLException {
        if (unknowns.isEmpty()) {
            return Map.of();
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, String> templateOf = new HashMap<>();
        TemplateMiner miner = miner(c, service);
        synchronized (miner) {
            for (Signal unknown : unknowns) {
                String headline = headline(unknown.message());
                TemplateMiner.Mined mined = miner.add(headline);
                groups.computeIfAbsent(mined.template().id(), id -> new Group())
                        .add(unknown, headline, mined.template().text());
                templateOf.put(unknown.entryKey(), mined.template().id());
            }
        }
        synchronized (miners) {
            minedTotals.merge(service, (long) unknowns.size(), Long::sum);
        }
        Map<String, Saved> saved = new HashMap<>();
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            saved.put(e.getKey(), save(c, service, e.getKey(), e.getValue(), serving));
        }
        Map<String, Sighting> out = new HashMap<>();
        Map<String, Long> servingSoFar = new HashMap<>();
        for (Signal unknown : unknowns.stream()
                .sorted(Comparator.comparingLong(Signal::timeNanos))
                .toList()) {
            String id = templateOf.get(unknown.entryKey());
            boolean servingNow = serving.at(unknown.revision(), unknown.timeNanos());
            long before = servingSoFar.getOrDefault(id, saved.get(id).servingBefore());
            out.put(
                    unknown.entryKey(),
                    new Sighting(
                            id,
                            Familiarity.of(
                                    unknown.revision().equals(saved.get(id).firstRevision()), servingNow, before)));
            servingSoFar.put(id, before + (servingNow ? 1 : 0));
        }
        return out;
    }

    /** The line an error is grouped by: its first, or for a bare traceback its last, the exception itself. */
    static String headline(String message) {
        List<String> lines = message.strip().lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        return lines.get(0).strip().equals(TRACEBACK)
                ? lines.get(lines.size() - 1).strip()
                : lines.get(0).strip();
    }

    /**
     * The service's miner, with its kept templates put back, least recently seen first, the first time or when the
     * database holds other counts than it mined.
     */
    private TemplateMiner miner(Connection c, String service) throws SQLException {
        long total = Sql.query(
                        c, "SELECT COALESCE(SUM(count), 0) FROM template WHERE service = ?", r -> r.getLong(1), service)
                .get(0);
        synchronized (miners) {
            TemplateMiner miner = miners.get(service);
            if (miner == null || minedTotals.getOrDefault(service, -1L) != total) {
                TemplateMiner restored = new TemplateMiner(config, service);
                Sql.query(
                        c,
                        "SELECT id, text, count FROM template WHERE service = ? ORDER BY last_seen",
                        r -> restored.restore(r.getString(1), r.getString(2), r.getLong(3)),
                        service);
                miners.put(service, restored);
                minedTotals.put(service, total);
                miner = restored;
            }
            return miner;
        }
    }

    /** What a template's rows said before a batch's lines were added. */
    private record Saved(String firstRevision, long servingBefore) {}

    /** Adds a group's lines to its template's rows. */
    private static Saved save(Connection c, String service, String id, Group g, Serving serving) throws SQLException {
        record Stored(long firstSeen, String firstRevision, String samples, long servingCount) {}
        List<Stored> stored = Sql.query(
                c,
                "SELECT first_seen, first_revision, samples, serving_count FROM template WHERE id = ?",
                r -> new Stored(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4)),
                id);
        long servingLines = g.lines.stream()
                .filter(s -> serving.at(s.revision(), s.timeNanos()))
                .count();
        String firstRevision = g.firstRevision;
        long servingBefore = 0;
        if (stored.isEmpty()) {
            Sql.update(
                    c,
                    "INSERT INTO template (id, service, text, first_seen, first_revision, last_seen, count, samples,"
                            + " serving_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id,
                    service,
                    Columns.fit(g.text, TEXT_WIDTH),
                    g.firstSeen,
                    g.firstRevision,
                    g.lastSeen,
                    g.count,
                    samples(List.of(), g.samples),
                    servingLines);
        } else {
            Stored s = stored.get(0);
            boolean earlier = g.firstSeen < s.firstSeen();
            firstRevision = earlier ? g.firstRevision : s.firstRevision();
            servingBefore = s.servingCount();
            Sql.update(
                    c,
                    "UPDATE template SET text = ?, first_seen = ?, first_revision = ?,"
                            + " last_seen = GREATEST(last_seen, ?), count = count + ?, samples = ?, serving_count = serving_count + ?"
                            + " WHERE id = ?",
                    Columns.fit(g.text, TEXT_WIDTH),
                    Math.min(g.firstSeen, s.firstSeen()),
                    firstRevision,
                    g.lastSeen,
                    g.count,
                    samples(read(s.samples()), g.samples),
                    servingLines,
                    id);
        }
        for (Map.Entry<String, long[]> r : g.revisions.entrySet()) {
            long[] span = r.getValue(); // first seen, last seen, count
            if (Sql.update(
                            c,
                            "UPDATE template_revision SET first_seen = LEAST(first_seen, ?), last_seen = GREATEST(last_seen, ?),"
                                    + " count = count + ? WHERE template_id = ? AND revision = ?",
                            span[0],
                            span[1],
                            span[2],
                            id,
                            r.getKey())
                    == 0) {
                Sql.update(
                        c,
                        "INSERT INTO template_revision (template_id, revision, first_seen, last_seen, count)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        id,
                        r.getKey(),
                        span[0],
                        span[1],
                        span[2]);
            }
        }
        return new Saved(firstRevision, servingBefore);
    }

    static List<String> read(String samples) {
        try {
            return JSON.readValue(samples, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("samples are written as a JSON array", e);
        }
    }

    private static String samples(List<String> kept, Set<String> added) {
        Set<String> all = new LinkedHashSet<>(kept);
        for (String sample : added) {
            if (all.size() < SAMPLES) {
                all.add(Columns.fit(sample, TEXT_WIDTH));
            }
        }
        return Columns.json(List.copyOf(all), SAMPLES_WIDTH);
    }

    /** What one batch adds to one template. */
    private static final class Group {
        String text;
        long firstSeen = Long.MAX_VALUE;
        String firstRevision;
        long lastSeen = Long.MIN_VALUE;
        long count;
        final Set<String> samples = new LinkedHashSet<>();
        final Map<String, long[]> revisions = new HashMap<>();
        final List<Signal> lines = new ArrayList<>();

        void add(Signal s, String headline, String templateText) {
            lines.add(s);
            text = templateText;
            count++;
            if (s.timeNanos() < firstSeen) {
                firstSeen = s.timeNanos();
                firstRevision = s.revision();
            }
            lastSeen = Math.max(lastSeen, s.timeNanos());
            if (samples.size() < SAMPLES) {
                samples.add(headline);
            }
            revisions.merge(s.revision(), new long[] {s.timeNanos(), s.timeNanos(), 1}, (a, b) ->
                    new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] + b[2]});
        }
    }
}
