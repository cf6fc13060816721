package dev.rootline.search;

import dev.rootline.app.Columns;
import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.event.Scope;
import dev.rootline.engine.event.Severity;
import dev.rootline.engine.event.Timestamps;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Events as both stores give them back. A store keeps only an event's original entries (and its times and
 * signatures); the rest is rebuilt from them here, exactly as ingest built it.
 */
final class StoredEntries {

    private StoredEntries() {}

    /**
     * An entry stored by an older version that no longer parses comes back as its text, so that one bad entry
     * cannot break a page of results.
     */
    static StoredEntry rebuild(List<byte[]> originals, long timeNanos, long receivedNanos, List<String> signatures) {
        List<LogEvent> pieces = new ArrayList<>();
        List<String> entries = new ArrayList<>(originals.size());
        for (byte[] original : originals) {
            entries.add(new String(original, StandardCharsets.UTF_8));
            try {
                pieces.addAll(Payloads.read(original, receivedNanos));
            } catch (InvalidEntryException e) {
                return unreadable(timeNanos, entries.get(entries.size() - 1), e.getMessage(), signatures);
            }
        }
        LogEvent event = LogEvent.joined(pieces);
        String joined = entries.size() > 1 ? "[" + String.join(",", entries.subList(1, entries.size())) + "]" : null;
        return new StoredEntry(
                event.key(),
                event.timestamp(),
                event.severity(),
                event.scope(),
                event.logName(),
                event.insertId(),
                event.message(),
                signatures,
                entries.get(0),
                joined);
    }

    private static StoredEntry unreadable(long timeNanos, String text, String reason, List<String> signatures) {
        return new StoredEntry(
                "",
                Timestamps.instant(timeNanos),
                Severity.DEFAULT,
                new Scope("", "", "", "", "", ""),
                "",
                "",
                "(a stored entry that no longer reads: " + reason + ")",
                signatures,
                Columns.write(text),
                null);
    }
}
