package dev.rootline.incident;

import dev.rootline.app.RootlineConfig;
import dev.rootline.engine.signature.SignatureDefinition;
import dev.rootline.engine.signature.SignatureSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

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
    private final MatchRepository matches;
    private final KeptPerService<MatchWindow> windows;

    RecentMatches(RootlineConfig config, MatchRepository matches, TransactionSynchronizationRegistry transactions) {
        this.budget = config.correlation().recentSignals();
        this.matches = matches;
        this.windows = new KeptPerService<>(transactions, budget, MatchWindow::size);
    }

    /**
     * The window to correlate a batch of this service with, which comes back here once the transaction commits;
     * null without one. The batch reads from it when it covers {@code fromNanos}. A missing or out-of-date window
     * is read again, from {@code fromNanos} on, when the batch is at the service's latest time (a live service);
     * a batch further back reads the database, and the window takes its writes.
     */
    MatchWindow take(
            Connection c,
            String service,
            RevisionRepository.ServiceLock lock,
            SignatureSet signatures,
            long fromNanos,
            long toNanos,
            long reachNanos,
            Function<String, SignatureDefinition> definitions)
            throws SQLException {
        if (budget == 0) {
            return null;
        }
        MatchWindow window = windows.take(service);
        if (window != null
                && (lock.previousVersion() == null || !window.currentAt(lock.previousVersion(), signatures))) {
            window = null;
        }
        boolean live = lock.lastSeen() == null || toNanos >= lock.lastSeen() - reachNanos;
        if ((window == null || !window.covers(fromNanos)) && live) {
            List<MatchRepository.Row> rows =
                    lock.lastSeen() == null ? List.of() : matches.since(c, service, fromNanos, budget + 1, definitions);
            window = rows.size() > budget ? null : new MatchWindow(signatures, fromNanos, rows);
        }
        if (window != null) {
            MatchWindow taken = window;
            windows.keepAfterCommit(service, taken, () -> taken.committedAs(lock.version()));
        }
        return window;
    }
}
