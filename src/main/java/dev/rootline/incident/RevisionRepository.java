package dev.rootline.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.app.Columns;
import dev.rootline.app.Sql;
import dev.rootline.engine.event.Scope;
import dev.rootline.engine.rca.RevisionProgress;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/** The {@code service} and {@code revision} tables. */
@ApplicationScoped
class RevisionRepository {

    /** A revision as stored: its span of event time and its startup progress. */
    record StoredRevision(String name, long firstSeen, long lastSeen, RevisionProgress progress) {}

    /** A revision's progress as JSON in {@code revision.progress}: what later batches merge theirs into. */
    private record StoredProgress(
            Map<String, Long> reached, Map<String, Long> completed, Long failedNanos, String failedIn) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READ_SERVICE = "SELECT version, last_seen FROM service WHERE name = ?";

    /**
     * A locked service row. {@code version} is new with every correlation of the service, by any process, so a
     * process whose cached matches were made at {@code previousVersion} knows they are still all there is.
     *
     * @param previousVersion the version before this transaction; null for a new service
     * @param lastSeen        the latest event time stored for the service before this batch; null for a new one
     */
    record ServiceLock(Long previousVersion, long version, Long lastSeen) {}

    /**
     * Locks the service's row, creating it on first sight, so that one process at a time correlates a service.
     * Two processes creating the same service race on the primary key; the loser's transaction is retried.
     * Versions are random, not counted: a database restored or emptied under a running process cannot bring an
     * old version back.
     *
     * @param kept the service's state this process kept, if any: while its version is the row's, the row need not
     *             be read
     */
    ServiceLock lock(Connection c, Scope scope, long firstNanos, long lastNanos, ServiceState kept)
            throws SQLException {
        long version = ThreadLocalRandom.current().nextLong();
        if (kept != null && claim(c, scope.service(), firstNanos, lastNanos, version, kept.version)) {
            return new ServiceLock(kept.version, version, kept.lastSeen);
        }
        // Optimistic first: the update takes the row's lock only while the version read is still current, so what
        // was read holds. Only when another process correlated the service in between is the row read FOR UPDATE,
        // a query that H2 parses anew every time (it caches no locking query).
        for (String read : List.of(READ_SERVICE, READ_SERVICE + " FOR UPDATE")) {
            List<ServiceLock> seen =
                    Sql.query(c, read, r -> new ServiceLock(r.getLong(1), version, r.getLong(2)), scope.service());
            if (seen.isEmpty()) {
                break;
            }
            if (claim(
                    c,
                    scope.service(),
                    firstNanos,
                    lastNanos,
                    version,
                    seen.get(0).previousVersion())) {
                return seen.get(0);
            }
        }
        Sql.update(
                c,
                "INSERT INTO service (name, project, location, resource_type, first_seen, last_seen, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                scope.service(),
                scope.project(),
                scope.location(),
                scope.resourceType(),
                firstNanos,
                lastNanos,
                version);
        return new ServiceLock(null, version, null);
    }

    /** Moves the service row to a new version if it is still at {@code expected}, taking its lock. */
    private static boolean claim(
            Connection c, String service, long firstNanos, long lastNanos, long version, long expected)
            throws SQLException {
        return Sql.update(
                        c,
                        "UPDATE service SET first_seen = LEAST(first_seen, ?), last_seen = GREATEST(last_seen, ?),"
                                + " version = ? WHERE name = ? AND version = ?",
                        firstNanos,
                        lastNanos,
                        version,
                        service,
                        expected)
                == 1;
    }

    /**
     * Writes the revisions changed in the state since it was last saved: each in one statement, its span,
     * readiness and progress together.
     */
    void save(Connection c, String service, ServiceState state) throws SQLException {
        for (String name : state.unsavedRevisions) {
            StoredRevision r = state.revisions.get(name);
            RevisionProgress p = r.progress();
            Object[] values = {
                r.firstSeen(),
                r.lastSeen(),
                p.readyNanos().isPresent() ? p.readyNanos().getAsLong() : null,
                p.state().name(),
                p.lastPhase().orElse(null),
                p.failedPhase().orElse(null),
                p.failedAfterNanos().isPresent() ? p.failedAfterNanos().getAsLong() : null,
                json(p),
                service,
                name
            };
            Sql.update(
                    c,
                    state.newRevisions.contains(name)
                            ? "INSERT INTO revision (first_seen, last_seen, ready_at, state, last_phase, failed_phase,"
                                    + " failed_after, progress, service, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            : "UPDATE revision SET first_seen = ?, last_seen = ?, ready_at = ?, state = ?, last_phase = ?,"
                                    + " failed_phase = ?, failed_after = ?, progress = ? WHERE service = ? AND name = ?",
                    values);
        }
        state.unsavedRevisions.clear();
        state.newRevisions.clear();
    }

    List<StoredRevision> all(Connection c, String service) throws SQLException {
        return Sql.query(
                c,
                "SELECT * FROM revision WHERE service = ? ORDER BY first_seen, name",
                r -> {
                    Long ready = Sql.nullableLong(r, "ready_at");
                    StoredProgress stored = r.getString("progress") == null
                            ? new StoredProgress(Map.of(), Map.of(), null, null)
                            : read(r.getString("progress"));
                    RevisionProgress progress = new RevisionProgress(
                            stored.reached(),
                            stored.completed(),
                            stored.failedNanos() == null ? OptionalLong.empty() : OptionalLong.of(stored.failedNanos()),
                            Optional.ofNullable(stored.failedIn()),
                            ready == null ? OptionalLong.empty() : OptionalLong.of(ready));
                    return new StoredRevision(
                            r.getString("name"), r.getLong("first_seen"), r.getLong("last_seen"), progress);
                },
                service);
    }

    /** Fits {@code revision.progress} (8000 characters): {@link RevisionProgress} bounds its phases for that. */
    private static String json(RevisionProgress progress) {
        return Columns.write(new StoredProgress(
                progress.reached(),
                progress.completed(),
                progress.failedNanos().isPresent() ? progress.failedNanos().getAsLong() : null,
                progress.failedIn().orElse(null)));
    }

    private static StoredProgress read(String json) throws SQLException {
        try {
            return JSON.readValue(json, StoredProgress.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("revision.progress is not the JSON Rootline writes: " + e.getMessage(), e);
        }
    }
}
