package dev.rootline.incident;

import dev.rootline.app.AfterCommit;
import dev.rootline.app.RootlineConfig;
import dev.rootline.engine.signature.SignatureDefinition;
import dev.rootline.engine.signature.SignatureSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final TransactionSynchronizationRegistry transactions;
    /** In order of use, least recent first: what goes when the budget is spent. */
    private final Map<String, MatchWindow> windows = new LinkedHashMap<>(16, 0.75f, true);

    RecentMatches(RootlineConfig config, MatchRepository matches, TransactionSynchronizationRegistry transactions) {
        this.budget = config.correlation().recentSignals();
        this.matches = matches;
        this.transactions = transactions;
    }

    /**
     * The window to correlate a batch of this service with, which comes back here once the transaction commits;
     * null without one. The batch reads from it when it covers {@code fromNanos}. An out-of-date window is read
     * again when the batch is at the service's latest time (a live service), from {@code fromNanos} on. A current
     * window is extended back to {@code fromNanos} when, at the rate it holds signals, the gap fits the budget: a
     * second source some way behind the first is then read from memory too, a backfill of last month is not.
     */
    MatchWindow take(Connection c, String service, RevisionRepository.ServiceLock lock, SignatureSet signatures,
                     long fromNanos, long toNanos, long reachNanos, Function<String, SignatureDefinition> definitions)
            throws SQLException {
        if (budget == 0) {
            return null;
        }
        MatchWindow window;
        synchronized (this) {
            window = windows.remove(service);
        }
        if (window != null && (lock.previousVersion() == null
                || !window.currentAt(lock.previousVersion(), signatures))) {
            window = null;
        }
        if (window == null && (lock.lastSeen() == null || toNanos >= lock.lastSeen() - reachNanos)) {
            List<MatchRepository.Row> rows = lock.lastSeen() == null ? List.of()
                    : matches.span(c, service, fromNanos, Long.MAX_VALUE, budget + 1, definitions);
            window = rows.size() > budget ? null : new MatchWindow(signatures, fromNanos, rows);
        } else if (window != null && !window.covers(fromNanos) && fits(window, fromNanos, lock.lastSeen())) {
            List<MatchRepository.Row> earlier = matches.span(c, service, fromNanos, window.coveredFrom(),
                    budget - window.size() + 1, definitions);
            if (window.size() + earlier.size() <= budget) {
                window.extendBack(fromNanos, earlier);
            }
        }
        if (window != null) {
            MatchWindow taken = window;
            AfterCommit.run(transactions, () -> keep(service, taken, lock.version()));
        }
        return window;
    }

    /** Whether the signals back to {@code fromNanos}, at the rate the window holds them, would fit the budget. */
    private boolean fits(MatchWindow window, long fromNanos, long lastSeenNanos) {
        double perNano = (double) window.size() / Math.max(1, lastSeenNanos - window.coveredFrom());
        return window.size() + perNano * (window.coveredFrom() - fromNanos) <= budget;
    }

    private synchronized void keep(String service, MatchWindow window, long version) {
        window.committedAs(version);
        window.trimTo(budget);
        windows.put(service, window);
        int total = windows.values().stream().mapToInt(MatchWindow::size).sum();
        Iterator<MatchWindow> eldest = windows.values().iterator();
        while (total > budget && eldest.hasNext()) {
            total -= eldest.next().size();
            eldest.remove();
        }
    }
}
