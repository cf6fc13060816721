package dev.rootline.incident;

import dev.rootline.app.Columns;
import dev.rootline.app.Sql;
import dev.rootline.engine.rca.Attribution;
import dev.rootline.engine.rca.Confidence;
import dev.rootline.engine.rca.IncidentStatus;
import dev.rootline.engine.rca.Signal;
import dev.rootline.engine.signature.Category;
import dev.rootline.engine.signature.Role;
import dev.rootline.engine.signature.SignatureDefinition;
import dev.rootline.engine.signature.SignatureSeverity;
import dev.rootline.engine.signature.Templates;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps each incident's counts, chain steps and per-revision occurrences in step with the matches attributed to
 * it, by applying each change as a delta: a crash loop's tenth hour costs a batch what its first did. Only what
 * a removal can leave stale (a first or last time, an evidence line) is read back from the matches. The stored
 * counts and times it starts from are the service's {@link ServiceState}, which it keeps current.
 */
@ApplicationScoped
class IncidentAggregates {

    /** Widths of the text columns of {@code incident} and {@code chain_step} (V2__incidents.sql). */
    static final int FINGERPRINT_WIDTH = 512;

    static final int TITLE_WIDTH = 1000;
    static final int SUMMARY_WIDTH = 4000;
    static final int REMEDIATION_WIDTH = 2000;
    /** Root lines whose fields are merged into the title: "rejected DATABASE_HOST, DATABASE_PASSWORD". */
    private static final int TITLE_SAMPLE = 50;

    private static final int MAX_VALUES = 5;
    /** The order {@link #order} strings sort in, without formatting them for each comparison. */
    private static final Comparator<Signal> FIRST = Comparator.comparingLong(Signal::timeNanos)
            .thenComparing(s -> s.insertId() == null ? "" : s.insertId())
            .thenComparing(Signal::entryKey);
    /** The time of an incident's first line in a revision, its last, and its first root line (each binds both). */
    private static final String FIRST_LINE = timeOf("", "");

    private static final String LAST_LINE = timeOf("", " DESC");
    private static final String FIRST_ROOT = timeOf(" AND m.depth = 0", "");

    private final MatchRepository matches;

    IncidentAggregates(MatchRepository matches) {
        this.matches = matches;
    }

    /** One signal entering (+1) or leaving (-1) an incident at a depth. */
    private record Delta(Signal signal, int depth, int sign, Attribution now) {
        boolean root() {
            return depth == 0;
        }

        boolean explained() {
            return depth > 0 && (signal.is(Role.EFFECT) || signal.is(Role.SYMPTOM));
        }

        static long sum(List<Delta> deltas, java.util.function.Predicate<Delta> which) {
            return deltas.stream().filter(which).mapToLong(Delta::sign).sum();
        }
    }

    /**
     * Applies the changes to the database and to the service's state. The incidents' totals are left in the state
     * for {@link IncidentLifecycle} to write, with their status.
     */
    void apply(
            Connection c,
            String service,
            ServiceState state,
            List<AttributionChange> changes,
            long windowNanos,
            Function<String, SignatureDefinition> signatures)
            throws SQLException {
        Map<String, List<Delta>> byIncident = new TreeMap<>();
        for (AttributionChange change : changes) {
            if (change.oldIncident() != null) {
                byIncident
                        .computeIfAbsent(change.oldIncident(), k -> new ArrayList<>())
                        .add(new Delta(change.signal(), change.oldDepth(), -1, null));
            }
            if (change.now() != null) {
                byIncident
                        .computeIfAbsent(change.incident(), k -> new ArrayList<>())
                        .add(new Delta(change.signal(), change.now().depth(), 1, change.now()));
            }
        }
        for (Map.Entry<String, List<Delta>> incident : byIncident.entrySet()) {
            apply(c, service, state, incident.getKey(), incident.getValue(), windowNanos, signatures);
        }
    }

    private void apply(
            Connection c,
            String service,
            ServiceState state,
            String id,
            List<Delta> deltas,
            long windowNanos,
            Function<String, SignatureDefinition> signatures)
            throws SQLException {
        Delta added = deltas.stream().filter(d -> d.sign() > 0).findFirst().orElse(null);
        if (added != null && !state.incidents.containsKey(id)) {
            insert(c, service, state, id, added.now().root());
        }
        Set<String> entering = deltas.stream()
                .filter(d -> d.sign() > 0)
                .map(d -> d.signal().storedKey())
                .collect(Collectors.toSet());
        Set<String> leaving = deltas.stream()
                .filter(d -> d.sign() < 0)
                .map(d -> d.signal().storedKey())
                .collect(Collectors.toSet());
        Map<String, ServiceState.Span> spans = state.spanMap(id);
        boolean workedOut = false;
        for (Map.Entry<String, List<Delta>> revision :
                group(deltas, d -> d.signal().revision()).entrySet()) {
            workedOut |= applyRevision(c, id, revision.getKey(), revision.getValue(), entering, spans);
        }
        if (workedOut) {
            state.reloadSpans(c, id);
        }
        Map<String, String> firstOrders = state.stepMap(id);
        Map<String, List<Delta>> steps = group(deltas, d -> d.signal().signatureId());
        Sql.updateEach(
                c,
                "UPDATE chain_step SET count = count + ? WHERE incident_id = ? AND signature_id = ?",
                steps.entrySet().stream()
                        .filter(step -> firstOrders.containsKey(step.getKey()))
                        .map(step -> new Object[] {Delta.sum(step.getValue(), d -> true), id, step.getKey()})
                        .toList());
        for (Map.Entry<String, List<Delta>> step : steps.entrySet()) {
            applyStep(c, id, step.getKey(), step.getValue(), entering, leaving, firstOrders, signatures);
        }
        Collection<ServiceState.Span> all = state.spanMap(id).values();
        if (all.stream().mapToLong(ServiceState.Span::matches).sum() <= 0
                || all.stream().mapToLong(ServiceState.Span::occurrences).sum() <= 0) {
            for (String table : List.of("incident_event", "chain_step", "incident_revision")) {
                Sql.update(c, "DELETE FROM " + table + " WHERE incident_id = ?", id);
            }
            Sql.update(c, "DELETE FROM incident WHERE id = ?", id);
            state.remove(id);
            return;
        }
        state.incidents.put(
                id,
                state.incidents
                        .get(id)
                        .withTotals(
                                all.stream()
                                        .mapToLong(ServiceState.Span::explained)
                                        .sum(),
                                all.stream()
                                        .mapToLong(ServiceState.Span::firstSeen)
                                        .min()
                                        .orElseThrow(),
                                all.stream()
                                        .mapToLong(ServiceState.Span::lastSeen)
                                        .max()
                                        .orElseThrow()));
        state.unsavedIncidents.add(id);
        if (deltas.stream().anyMatch(Delta::root)) {
            retitle(c, state, id, deltas, windowNanos, signatures);
        }
    }

    private static void insert(Connection c, String service, ServiceState state, String id, Signal root)
            throws SQLException {
        Sql.update(
                c,
                "INSERT INTO incident (id, service, signature_id, fingerprint, title, category, severity, status,"
                        + " confidence, summary, first_seen, last_seen, revision, explained_count, sort_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                id,
                service,
                root.signatureId(),
                Columns.fit(root.fingerprint(), FINGERPRINT_WIDTH),
                "",
                category(root),
                severity(root).name(),
                IncidentStatus.OPEN.name(),
                confidence(root).name(),
                "",
                root.timeNanos(),
                root.timeNanos(),
                root.revision(),
                id);
        state.incidents.put(
                id,
                new ServiceState.Incident(
                        id,
                        severity(root).name(),
                        root.revision(),
                        0,
                        IncidentStatus.OPEN.name(),
                        null,
                        null,
                        id,
                        root.timeNanos(),
                        root.timeNanos()));
    }

    /**
     * A signal that only changed depth within the incident is no removal: its times stay in the incident. Without
     * a removal the new times follow from the stored ones, and one statement writes them, in the database and in
     * {@code spans}. Returns true when the database worked the times out instead: {@code spans} is stale then.
     */
    private static boolean applyRevision(
            Connection c,
            String id,
            String revision,
            List<Delta> deltas,
            Set<String> entering,
            Map<String, ServiceState.Span> spans)
            throws SQLException {
        ServiceState.Span stored = spans.get(revision);
        long total = Delta.sum(deltas, d -> true);
        long occurrences = Delta.sum(deltas, Delta::root);
        long explained = Delta.sum(deltas, Delta::explained);
        List<Delta> adds = deltas.stream().filter(d -> d.sign() > 0).toList();
        boolean removal = deltas.stream()
                .anyMatch(d -> d.sign() < 0 && !entering.contains(d.signal().storedKey()));
        boolean rootLost = deltas.stream().anyMatch(d -> d.sign() < 0 && d.root());
        if (stored == null) {
            ServiceState.Span span = new ServiceState.Span(
                    total, occurrences, explained, min(adds, d -> true), max(adds), min(adds, Delta::root));
            Sql.update(
                    c,
                    "INSERT INTO incident_revision (incident_id, revision, matches, occurrences, explained,"
                            + " first_seen, last_seen, root_first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    id,
                    revision,
                    span.matches(),
                    span.occurrences(),
                    span.explained(),
                    span.firstSeen(),
                    span.lastSeen(),
                    span.rootFirstSeen());
            spans.put(revision, span);
            return false;
        }
        String counts = "UPDATE incident_revision SET matches = matches + ?, occurrences = occurrences + ?,"
                + " explained = explained + ?";
        if (removal) {
            Sql.update(
                    c, counts + " WHERE incident_id = ? AND revision = ?", total, occurrences, explained, id, revision);
            Sql.update(
                    c,
                    "DELETE FROM incident_revision WHERE incident_id = ? AND revision = ? AND matches <= 0",
                    id,
                    revision);
            Sql.update(
                    c,
                    Sql.Plan.PER_EXECUTION,
                    "UPDATE incident_revision SET first_seen = " + FIRST_LINE
                            + ", last_seen = " + LAST_LINE + ", root_first_seen = " + FIRST_ROOT
                            + " WHERE incident_id = ? AND revision = ?",
                    id,
                    revision,
                    id,
                    revision,
                    id,
                    revision,
                    id,
                    revision);
            return true;
        }
        ServiceState.Span span = new ServiceState.Span(
                stored.matches() + total,
                stored.occurrences() + occurrences,
                stored.explained() + explained,
                earlier(stored.firstSeen(), min(adds, d -> true)),
                Math.max(stored.lastSeen(), max(adds)),
                earlier(stored.rootFirstSeen(), min(adds, Delta::root)));
        Sql.update(
                c,
                counts + ", first_seen = ?, last_seen = ?, root_first_seen = ? WHERE incident_id = ? AND revision = ?",
                total,
                occurrences,
                explained,
                span.firstSeen(),
                span.lastSeen(),
                span.rootFirstSeen(),
                id,
                revision);
        spans.put(revision, span);
        if (rootLost) {
            // a root moved deeper within the incident: the earliest root left is read back, the new ones included
            Sql.update(
                    c,
                    Sql.Plan.PER_EXECUTION,
                    "UPDATE incident_revision SET root_first_seen = " + FIRST_ROOT
                            + " WHERE incident_id = ? AND revision = ?",
                    id,
                    revision,
                    id,
                    revision);
        }
        return rootLost;
    }

    /**
     * Reads the incident index (incident, revision, time) from one end instead of aggregating the revision. The
     * order names every column of the index: H2 reads an index in order only for a sort by its leading columns.
     */
    private static String timeOf(String condition, String direction) {
        return "(SELECT time_nanos FROM log_match m WHERE m.incident_id = ? AND m.revision = ?" + condition
                + " ORDER BY m.incident_id" + direction + ", m.revision" + direction + ", m.time_nanos" + direction
                + " FETCH FIRST 1 ROWS ONLY)";
    }

    private static Long earlier(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }

    /**
     * {@code firstOrders}: by signature, each stored step's evidence line's place in event order, which this keeps
     * current. A stored step's count is already updated, with those of the incident's other steps.
     */
    private void applyStep(
            Connection c,
            String id,
            String signatureId,
            List<Delta> deltas,
            Set<String> entering,
            Set<String> leaving,
            Map<String, String> firstOrders,
            Function<String, SignatureDefinition> signatures)
            throws SQLException {
        Delta first = deltas.stream()
                .filter(d -> d.sign() > 0)
                .min(Comparator.comparing(Delta::signal, FIRST))
                .orElse(null);
        String firstOrder = firstOrders.get(signatureId);
        if (firstOrder == null) {
            if (first != null) {
                setEvidence(c, id, first.signal(), first.depth(), Delta.sum(deltas, d -> true), firstOrders);
            }
            return;
        }
        boolean removal = deltas.stream()
                .anyMatch(d -> d.sign() < 0 && !entering.contains(d.signal().storedKey()));
        for (Delta moved : deltas) {
            if (moved.sign() > 0 && leaving.contains(moved.signal().storedKey())) {
                Sql.update(
                        c,
                        "UPDATE chain_step SET depth = ? WHERE incident_id = ? AND signature_id = ? AND entry_key = ?",
                        moved.depth(),
                        id,
                        signatureId,
                        moved.signal().entryKey());
            }
        }
        if (removal) {
            if (Sql.update(
                            c,
                            "DELETE FROM chain_step WHERE incident_id = ? AND signature_id = ? AND count <= 0",
                            id,
                            signatureId)
                    > 0) {
                firstOrders.remove(signatureId);
                return;
            }
            MatchRepository.Row earliest = matches.earliest(c, id, signatureId, signatures);
            if (earliest != null) {
                setEvidence(c, id, earliest.signal(), earliest.depth(), 0, firstOrders);
            }
        } else if (first != null && order(first.signal()).compareTo(firstOrder) < 0) {
            // compared here, not in SQL: PostgreSQL would compare with the column's locale collation
            setEvidence(c, id, first.signal(), first.depth(), 0, firstOrders);
        }
    }

    /** Makes a line the step's evidence, inserting the step if {@code firstOrders} has none (with this count). */
    private static void setEvidence(
            Connection c, String id, Signal first, int depth, long count, Map<String, String> firstOrders)
            throws SQLException {
        if (firstOrders.put(first.signatureId(), order(first)) == null) {
            Sql.update(
                    c,
                    "INSERT INTO chain_step (incident_id, signature_id, role, depth, title, count, entry_key,"
                            + " first_nanos, first_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id,
                    first.signatureId(),
                    MatchRepository.role(first),
                    depth,
                    stepTitle(first),
                    count,
                    first.entryKey(),
                    first.timeNanos(),
                    order(first));
        } else {
            Sql.update(
                    c,
                    "UPDATE chain_step SET entry_key = ?, first_nanos = ?, first_order = ?, depth = ?, title = ?"
                            + " WHERE incident_id = ? AND signature_id = ?",
                    first.entryKey(),
                    first.timeNanos(),
                    order(first),
                    depth,
                    stepTitle(first),
                    id,
                    first.signatureId());
        }
    }

    /** Event order as one string: time, then insertId, then key, as {@code ORDER BY} would sort the lines. */
    private static String order(Signal s) {
        return String.format("%019d", s.timeNanos())
                + '\u0001'
                + (s.insertId() == null ? "" : s.insertId())
                + '\u0001'
                + s.entryKey();
    }

    /**
     * Names the incident after the burst its root last started in: the latest revision's first root line and the
     * root lines within one window of it, their fields listed together. Root lines added after that burst leave
     * the name as it is, so a crash loop's later batches do not read the burst again.
     */
    private void retitle(
            Connection c,
            ServiceState state,
            String id,
            List<Delta> deltas,
            long windowNanos,
            Function<String, SignatureDefinition> signatures)
            throws SQLException {
        record Latest(String revision, long rootFirst) {}
        Latest latest = state.spanMap(id).entrySet().stream()
                .filter(e -> e.getValue().rootFirstSeen() != null)
                .map(e -> new Latest(e.getKey(), e.getValue().rootFirstSeen()))
                .max(Comparator.comparingLong(Latest::rootFirst).thenComparing(Latest::revision))
                .orElse(null);
        if (latest == null
                || deltas.stream()
                        .filter(Delta::root)
                        .noneMatch(d -> d.sign() < 0
                                || d.signal().revision().equals(latest.revision())
                                        && d.signal().timeNanos() <= latest.rootFirst() + windowNanos)) {
            return;
        }
        List<Signal> burst = matches.roots(
                c,
                id,
                latest.revision(),
                latest.rootFirst(),
                latest.rootFirst() + windowNanos,
                TITLE_SAMPLE,
                signatures);
        if (burst.isEmpty()) {
            return;
        }
        Signal root = burst.get(0);
        Map<String, String> fields = merged(burst);
        SignatureDefinition sig = root.signature();
        String summary = sig == null
                ? root.message().strip()
                : Templates.render(sig.summary() == null ? sig.title() : sig.summary(), fields);
        Sql.update(
                c,
                "UPDATE incident SET title = ?, summary = ?, remediation = ?, revision = ? WHERE id = ?",
                Columns.fit(title(root, fields), TITLE_WIDTH),
                Columns.fit(summary, SUMMARY_WIDTH),
                sig == null ? null : Columns.fit(Templates.render(sig.remediation(), fields), REMEDIATION_WIDTH),
                latest.revision(),
                id);
        state.incidents.put(id, state.incidents.get(id).withRevision(latest.revision()));
    }

    private static <K> Map<K, List<Delta>> group(List<Delta> deltas, Function<Delta, K> key) {
        return deltas.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    private static Long min(List<Delta> deltas, java.util.function.Predicate<Delta> which) {
        return deltas.stream()
                .filter(which)
                .map(d -> d.signal().timeNanos())
                .min(Long::compare)
                .orElse(null);
    }

    private static Long max(List<Delta> deltas) {
        return deltas.stream()
                .map(d -> d.signal().timeNanos())
                .max(Long::compare)
                .orElse(null);
    }

    /** Each field's distinct values across the root lines, listed together. */
    private static Map<String, String> merged(List<Signal> roots) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (Signal root : roots) {
            root.fields()
                    .forEach((k, v) -> values.computeIfAbsent(k, x -> new LinkedHashSet<>())
                            .add(v));
        }
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.stream().limit(MAX_VALUES).collect(Collectors.joining(", "))));
        return out;
    }

    private static String stepTitle(Signal signal) {
        return Columns.fit(title(signal, signal.fields()), TITLE_WIDTH);
    }

    private static String title(Signal signal, Map<String, String> fields) {
        if (!signal.known()) {
            String line = signal.headline();
            return line.length() <= 200 ? line : line.substring(0, 200);
        }
        return Templates.render(signal.signature().title(), fields);
    }

    private static String category(Signal root) {
        return (root.known() ? root.signature().category() : Category.UNKNOWN).yamlName();
    }

    /** An error no signature knows is presumed serious: it crashed something. */
    private static SignatureSeverity severity(Signal root) {
        return root.known() ? root.signature().severity() : SignatureSeverity.HIGH;
    }

    private static Confidence confidence(Signal root) {
        return root.is(Role.CAUSE) ? Confidence.HIGH : Confidence.LOW;
    }
}
