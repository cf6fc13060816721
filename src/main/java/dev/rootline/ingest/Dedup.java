package dev.rootline.ingest;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.search.LogStore;
import dev.rootline.search.StorageUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The dedup stage of ingest: which entries of a request are new. An entry is a duplicate when the log store holds
 * it or when a concurrent request is storing it. Such a request claims the entry first. The other request learns
 * whether the claim was stored. If it was not, the entry is new again, so an entry two requests carried is
 * acknowledged only once it is stored, never lost because the request that claimed it failed.
 */
final class Dedup {

    /** How long a request waits for a concurrent one storing the same entries, which an fsync bounds. */
    private static final long CONTESTED_WAIT_SECONDS = 60;

    private final LogStore store;
    /** Entries being stored, each with the outcome of its request: true once stored. */
    private final Map<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    Dedup(LogStore store) {
        this.store = store;
    }

    /** Claims the entries no one holds or stores. The claim must be closed, after {@link Claim#stored} if it was. */
    Claim claim(List<LogEvent> entries, long receivedNanos) throws IOException {
        Claim claim = new Claim();
        List<LogEvent> reserved = new ArrayList<>(entries.size());
        for (LogEvent entry : entries) {
            CompletableFuture<Boolean> other = inFlight.putIfAbsent(entry.key(), claim.outcome);
            if (other == null) {
                reserved.add(entry);
                claim.keys.add(entry.key());
            } else {
                claim.contested.add(new Contested(entry, other));
            }
        }
        try {
            Set<String> held = reserved.isEmpty() ? Set.of() : store.held(reserved, receivedNanos);
            for (LogEvent entry : reserved) {
                (held.contains(entry.key()) ? claim.duplicates : claim.fresh).add(entry);
            }
        } catch (IOException | RuntimeException e) {
            claim.close();
            throw e;
        }
        return claim;
    }

    private record Contested(LogEvent entry, CompletableFuture<Boolean> outcome) {}

    /** One request's entries: new ones it must store, duplicates, and those another request is storing. */
    final class Claim implements AutoCloseable {

        private final CompletableFuture<Boolean> outcome = new CompletableFuture<>();
        private final List<String> keys = new ArrayList<>();
        private final List<LogEvent> fresh = new ArrayList<>();
        private final List<LogEvent> duplicates = new ArrayList<>();
        private final List<Contested> contested = new ArrayList<>();

        /** The entries to store. */
        List<LogEvent> fresh() {
            return fresh;
        }

        /** The entries already stored, once {@link #settle} has run. */
        List<LogEvent> duplicates() {
            return duplicates;
        }

        /** The fresh entries are durable in the store. */
        void stored() {
            outcome.complete(true);
        }

        /**
         * Waits for the requests storing the contested entries: those they stored are duplicates; returns those
         * they did not, which are new again and this request's to store.
         */
        List<LogEvent> settle() throws IOException {
            List<LogEvent> orphaned = new ArrayList<>();
            for (Contested c : contested) {
                (storedByOther(c.outcome()) ? duplicates : orphaned).add(c.entry());
            }
            return orphaned;
        }

        private static boolean storedByOther(CompletableFuture<Boolean> other) throws IOException {
            try {
                return other.get(CONTESTED_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for a concurrent request");
            } catch (ExecutionException | TimeoutException e) {
                throw new StorageUnavailableException(
                        "a concurrent request storing the same entries did not finish", e);
            }
        }

        /** Frees the claimed keys; entries never stored are anyone's to store again. */
        @Override
        public void close() {
            outcome.complete(false);
            keys.forEach(key -> inFlight.remove(key, outcome));
        }
    }
}
