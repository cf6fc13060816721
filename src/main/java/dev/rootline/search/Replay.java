package dev.rootline.search;

import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.jboss.logging.Logger;

/**
 * Brings a newly opened index up to date from the write-ahead log: the records its last commit does not cover,
 * skipping the events it does hold (a commit may have taken in records logged after its generation began). Each
 * event is rebuilt from its members' original JSON, as it was stored, with the signatures it matched then. An
 * entry that no longer reads, or that Lucene refuses, is quarantined rather than keeping the store from opening.
 */
final class Replay {

    private static final Logger LOG = Logger.getLogger(Replay.class);

    private Replay() {}

    static void into(LuceneIndex index, WriteAheadLog wal, PendingKeys pending, ReplayQuarantine quarantine)
            throws IOException {
        int replayed = 0;
        for (WriteAheadLog.Record record : wal.readFrom(index.uncommittedGeneration())) {
            List<LogStore.StoredEvent> events = new ArrayList<>(record.events().size());
            for (WriteAheadLog.Event logged : record.events()) {
                rebuild(logged, record.receivedNanos(), quarantine, events);
            }
            List<LogStore.StoredEvent> fresh = notHeld(index, pending, events, record.receivedNanos());
            List<Document> docs = new ArrayList<>(fresh.size());
            LuceneFields.BatchTerms terms = new LuceneFields.BatchTerms();
            for (LogStore.StoredEvent event : fresh) {
                docs.add(LuceneFields.toDocument(event, record.receivedNanos(), terms));
            }
            for (int refused : index.addReplayed(docs)) {
                for (byte[] entry : fresh.get(refused).event().entries()) {
                    quarantine.keep(record.receivedNanos(), entry, "Lucene refused it");
                }
            }
            pending.add(fresh, 0); // visible once the index reopens its reader
            replayed += fresh.size();
        }
        if (replayed > 0) {
            LOG.infof("replayed %d events from the write-ahead log", replayed);
        }
    }

    /** The event from the members that still read; the others are quarantined. */
    private static void rebuild(
            WriteAheadLog.Event logged,
            long receivedNanos,
            ReplayQuarantine quarantine,
            List<LogStore.StoredEvent> into)
            throws IOException {
        List<LogEvent> pieces = new ArrayList<>(logged.entries().size());
        for (byte[] original : logged.entries()) {
            try {
                pieces.addAll(Payloads.read(original, receivedNanos));
            } catch (InvalidEntryException e) {
                quarantine.keep(receivedNanos, original, "it no longer parses: " + e.getMessage());
            }
        }
        if (!pieces.isEmpty()) {
            into.add(new LogStore.StoredEvent(LogEvent.joined(pieces), logged.signatures()));
        }
    }

    /** The events neither committed nor replayed from an earlier record (which the reader does not see yet). */
    private static List<LogStore.StoredEvent> notHeld(
            LuceneIndex index, PendingKeys pending, List<LogStore.StoredEvent> events, long receivedNanos)
            throws IOException {
        boolean[] held =
                index.holds(events.stream().map(LogStore.StoredEvent::event).toList(), receivedNanos);
        List<LogStore.StoredEvent> fresh = new ArrayList<>(events.size());
        for (int i = 0; i < held.length; i++) {
            if (!held[i] && !pending.contains(events.get(i).event().key())) {
                fresh.add(events.get(i));
            }
        }
        return fresh;
    }
}
