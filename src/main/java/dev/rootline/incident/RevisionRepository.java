package dev.rootline.incident;

import dev.rootline.app.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    record StoredRevision(String name, long firstSeen, long lastSeen, RevisionProgress progress) {
    }

    /** A revision's progress as JSON in {@code revision.progress}: what later batches merge theirs into. */
    private record StoredProgress(Map<String, Long> reached, Map<String, Long> completed, Long failedNanos,
                                  String failedIn) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READ_SERVICE = "SELECT version, last_seen FROM service WHERE name = ?";

    /**
     * A locked service row. {@code version} is new with every correlation of the service, by any process, so a
     * process whose cached matches were made at {@code previousVersion} knows they are still all there is.
     *
     * @param previousVersion the version before this transaction; null for a new service
     * @param lastSeen        the latest event time stored for the service before this batch; null for a new one
     */
    record ServiceLock(Long previousVersion, long version, Long lastSeen) {
    }

    /**
     * Locks the service's row, creating it on first sight, so that one process at a time correlates a service.
     * Two processes creating the same service race on the primary key; the loser's transaction is retried.
     * Versions are random, not counted: a database restored or emptied under a running process cannot bring an
     * old version back.
     */
    ServiceLock lock(Connection c, Scope scope, long firstNanos, long lastNanos) throws SQLException {
        long version = ThreadLocalRandom.current().nextLong();
        // Optimistic first: the update takes the row's lock only while the version read is still current, so what
        // was read holds. Only when another process correlated the service in between is the row read FOR UPDATE,
        // a query that H2 parses anew every time (it caches no locking query).
        for (String read : List.of(READ_SERVICE, READ_SERVICE + " FOR UPDATE")) {
            List<ServiceLock> seen = Sql.query(c, read, r -> new ServiceLock(r.getLong(1), version, r.getLong(2)),
                    scope.service());
            if (seen.isEmpty()) {
                break;
            }
            if (Sql.update(c, "UPDATE service SET first_seen = LEAST(first_seen, ?), last_seen = GREATEST(last_seen, ?),"
                            + " version = ? WHERE name = ? AND version = ?", firstNanos, lastNanos, version,
                    scope.service(), seen.get(0).previousVersion()) == 1) {
                return seen.get(0);
            }
        }
        Sql.update(c, "INSERT INTO service (name, project, location, resource_type, first_seen, last_seen, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", scope.service(), scope.project(), scope.location(),
                scope.resourceType(), firstNanos, lastNanos, version);
        return new ServiceLock(null, version, null);
    }

    /** Widens a revision's span and readiness; true when the revision is new or its readiness changed. */
    boolean merge(Connection c, String service, String revision, ServiceBatch.RevisionSpan span) throws SQLException {
        int updated = Sql.update(c, "UPDATE revision SET first_seen = LEAST(first_seen, ?), last_seen = GREATEST(last_seen, ?)"
                + " WHERE service = ? AND name = ?", span.firstNanos(), span.lastNanos(), service, revision);
        if (updated == 0) {
            Sql.update(c, "INSERT INTO revision (service, name, first_seen, last_seen, state, ready_at) VALUES (?, ?, ?, ?, ?, ?)",
                    service, revision, span.firstNanos(), span.lastNanos(), RevisionProgress.State.STARTING.name(),
                    span.readyNanos());
            return true;
        }
        return span.readyNanos() != null && Sql.update(c, "UPDATE revision SET ready_at = ? WHERE service = ? AND name = ?"
                + " AND (ready_at IS NULL OR ready_at > ?)", span.readyNanos(), service, revision, span.readyNanos()) > 0;
    }

    List<StoredRevision> all(Connection c, String service) throws SQLException {
        return Sql.query(c, "SELECT * FROM revision WHERE service = ? ORDER BY first_seen, name", r -> {
            Long ready = Sql.nullableLong(r, "ready_at");
            StoredProgress stored = r.getString("progress") == null ? new StoredProgress(Map.of(), Map.of(), null, null)
                    : read(r.getString("progress"));
            RevisionProgress progress = new RevisionProgress(stored.reached(), stored.completed(),
                    stored.failedNanos() == null ? OptionalLong.empty() : OptionalLong.of(stored.failedNanos()),
                    Optional.ofNullable(stored.failedIn()), ready == null ? OptionalLong.empty() : OptionalLong.of(ready));
            return new StoredRevision(r.getString("name"), r.getLong("first_seen"), r.getLong("last_seen"), progress);
        }, service);
    }

    void saveProgress(Connection c, String service, String revision, RevisionProgress progress) throws SQLException {
        String json;
        try {
            json = JSON.writeValueAsString(new StoredProgress(progress.reached(), progress.completed(),
                    progress.failedNanos().isPresent() ? progress.failedNanos().getAsLong() : null,
                    progress.failedIn().orElse(null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("progress always serialises", e);
        }
        Sql.update(c, "UPDATE revision SET state = ?, last_phase = ?, failed_phase = ?, failed_after = ?, progress = ?"
                        + " WHERE service = ? AND name = ?", progress.state().name(), progress.lastPhase().orElse(null),
                progress.failedPhase().orElse(null),
                progress.failedAfterNanos().isPresent() ? progress.failedAfterNanos().getAsLong() : null,
                MatchRepository.clip(json), service, revision);
    }

    private static StoredProgress read(String json) throws SQLException {
        try {
            return JSON.readValue(json, StoredProgress.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("revision.progress is not the JSON Rootline writes: " + e.getMessage(), e);
        }
    }
}
