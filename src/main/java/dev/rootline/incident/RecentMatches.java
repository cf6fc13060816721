package dev.rootline.incident;

import dev.rootline.engine.rca.StoredMatch;
import dev.rootline.engine.signature.SignatureSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.List;

/**
 * The {@link MatchWindow} of each recently correlated service, so that a live service's batch finds the chain span
 * before it in memory instead of reading it back (about an eighth of what correlation cost on H2). A window is
 * handed to one transaction at a time and comes back when that commits, as current for the service row's new
 * version; a rollback drops it. A window whose version is not the row's (another process correlated the service)
 * is dropped.
 */
@ApplicationScoped
class RecentMatches {

    private final int budget;
    /** How far a batch's context reaches back, and how far a window serves a batch behind the latest one. */
    private final long windowNanos;

    private final KeptPerService<MatchWindow> windows;

    RecentMatches(CorrelationConfig config, TransactionSynchronizationRegistry transactions, Clock clock) {
        this.budget = config.recentSignals();
        this.windowNanos = config.window().toNanos();
        this.windows = new KeptPerService<>(transactions, budget, MatchWindow::size, clock, config.recentIdle());
    }

    /**
     * The service's matches for one transaction: through its window, which comes back here once the transaction
     * commits, when it has one. A missing or out-of-date window is read again, from {@code fromNanos} on, when the
     * batch is at the service's latest time (a live service); a batch further back reads the database, and the
     * window takes its writes. Once committed, a window keeps a chain span and a window before the service's latest
     * time: what the context of a batch up to a window behind the latest one reads. Past the budget it keeps only the
     * chain span, so that a service in a crash storm is not read back from the database every hundred batches.
     */
    ServiceMatches of(
            StoredMatches database,
            RevisionRepository.ServiceLock lock,
            SignatureSet signatures,
            long fromNanos,
            long toNanos,
            long reachNanos) {
        if (budget == 0) {
            return database;
        }
        MatchWindow window = windows.take(database.service());
        if (window != null
                && (lock.previousVersion() == null || !window.currentAt(lock.previousVersion(), signatures))) {
            window = null;
        }
        boolean live = lock.lastSeen() == null || toNanos >= lock.lastSeen() - reachNanos;
        if ((window == null || !window.covers(fromNanos)) && live) {
            List<StoredMatch> rows = lock.lastSeen() == null ? List.of() : database.since(fromNanos, budget + 1);
            window = rows.size() > budget ? null : new MatchWindow(signatures, fromNanos, rows);
        }
        if (window == null) {
            return database;
        }
        MatchWindow taken = window;
        long latest = Math.max(toNanos, lock.lastSeen() == null ? toNanos : lock.lastSeen());
        windows.keepAfterCommit(database.service(), taken, () -> {
            taken.dropBefore(latest - reachNanos - windowNanos);
            if (taken.size() > budget) { // a storm: keep what a batch at the latest time reads, not nothing
                taken.dropBefore(latest - reachNanos);
            }
            taken.committedAs(lock.version());
        });
        return new WindowedMatches(window, database);
    }
}
