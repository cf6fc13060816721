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
 * dedup skipping what it does hold. An entry that no longer reads, or that Lucene refuses, is quarantined rather
 * than keeping the store from opening.
 */
final class Replay {

    private static final Logger LOG = Logger.getLogger(Replay.class);

    private Replay() {}

    static void into(LuceneIndex index, WriteAheadLog wal, Dedup dedup, Tagger tagger, ReplayQuarantine quarantine)
            throws IOException {
        int replayed = 0;
        for (WriteAheadLog.Record record : wal.readFrom(index.uncommittedGeneration())) {
            List<LogEvent> entries = new ArrayList<>(record.entries().size());
            for (byte[] original : record.entries()) {
                try {
                    entries.addAll(Payloads.read(original, record.receivedNanos()));
                } catch (InvalidEntryException e) {
                    quarantine.keep(record.receivedNanos(), original, "it no longer parses: " + e.getMessage());
                }
            }
            List<LogEvent> fresh = dedup.reserveFresh(index, entries, record.receivedNanos());
            List<LogStore.StoredEvent> events = tagger.tag(fresh);
            List<Document> docs = new ArrayList<>(events.size());
            for (LogStore.StoredEvent event : events) {
                docs.add(LuceneFields.toDocument(event, record.receivedNanos()));
            }
            for (int refused : index.addReplayed(docs)) {
                for (byte[] entry : events.get(refused).event().entries()) {
                    quarantine.keep(record.receivedNanos(), entry, "Lucene refused it");
                }
            }
            dedup.assign(fresh, 0); // visible once the index reopens its reader
            replayed += fresh.size();
        }
        if (replayed > 0) {
            LOG.infof("replayed %d entries from the write-ahead log", replayed);
        }
    }
}
