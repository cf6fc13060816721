package dev.rootline.search;

import dev.rootline.app.Columns;
import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.event.Scope;
import dev.rootline.engine.event.Severity;
import dev.rootline.engine.event.Timestamps;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/**
 * The index schema: how a LogEvent becomes a Lucene document and back. Only the original entries (and the event
 * time) are stored; everything else is indexed, not stored, and rebuilt from the originals when read, which
 * halves what each append writes.
 */
final class LuceneFields {

    static final String ID = "id";
    static final String MEMBER = "member";
    static final String TIME = "time";
    /** The first 64 bits of the key: a unique, cheap tie-break for events at the same nanosecond. */
    static final String TIEBREAK = "tiebreak";

    static final String RECEIVED = "received";
    static final String SEVERITY = "severity";
    static final String SERVICE = "service";
    static final String REVISION = "revision";
    static final String INSTANCE = "instance";
    static final String RESOURCE_TYPE = "resource_type";
    static final String LOG_NAME = "logName";
    static final String INSERT_ID = "insertId";
    static final String MESSAGE = "message";
    static final String ENTRY = "entry";
    static final String SIGNATURE = "signature";

    /** Fields indexed verbatim, so query syntax can filter on them ({@code service:api}). */
    static final List<String> KEYWORDS =
            List.of(ID, MEMBER, SEVERITY, SERVICE, REVISION, INSTANCE, RESOURCE_TYPE, LOG_NAME, INSERT_ID, SIGNATURE);

    /** Lucene rejects terms over 32 kB; no real label comes near this. */
    private static final int MAX_KEYWORD = 1024;

    private LuceneFields() {}

    static Document toDocument(LogStore.StoredEvent stored, long receivedNanos) {
        LogEvent event = stored.event();
        Document doc = new Document();
        for (String signature : stored.signatures()) {
            doc.add(new StringField(SIGNATURE, signature, Field.Store.YES));
        }
        doc.add(new StringField(ID, event.key(), Field.Store.NO));
        doc.add(new NumericDocValuesField(TIEBREAK, tiebreak(event.key())));
        for (String member : event.memberKeys()) {
            doc.add(new StringField(MEMBER, member, Field.Store.NO));
        }
        doc.add(new LongPoint(TIME, event.timeNanos()));
        doc.add(new NumericDocValuesField(TIME, event.timeNanos()));
        doc.add(new StoredField(TIME, event.timeNanos()));
        doc.add(new NumericDocValuesField(RECEIVED, receivedNanos));
        doc.add(new StoredField(RECEIVED, receivedNanos));
        keyword(doc, SEVERITY, event.severity().name());
        Scope scope = event.scope();
        keyword(doc, SERVICE, scope.service());
        keyword(doc, REVISION, scope.version());
        keyword(doc, INSTANCE, scope.instance());
        keyword(doc, RESOURCE_TYPE, scope.resourceType());
        keyword(doc, LOG_NAME, event.logName());
        keyword(doc, INSERT_ID, event.insertId());
        doc.add(new TextField(MESSAGE, event.message(), Field.Store.NO));
        for (byte[] entry : event.entries()) {
            doc.add(new StoredField(ENTRY, entry));
        }
        return doc;
    }

    /**
     * Rebuilds the event from its stored originals, exactly as ingest built it. An entry stored by an older
     * version that no longer parses comes back as its text, so that one bad entry cannot break a page of results.
     */
    static StoredEntry fromDocument(Document doc) {
        long received = doc.getField(RECEIVED).numericValue().longValue();
        List<LogEvent> pieces = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (IndexableField field : doc.getFields(ENTRY)) {
            BytesRef bytes = field.binaryValue();
            byte[] original = Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length);
            entries.add(new String(original, StandardCharsets.UTF_8));
            try {
                pieces.addAll(Payloads.read(original, received));
            } catch (InvalidEntryException e) {
                return unreadable(doc, entries.get(entries.size() - 1), e.getMessage());
            }
        }
        LogEvent event = LogEvent.joined(pieces);
        String joined = entries.size() > 1 ? "[" + String.join(",", entries.subList(1, entries.size())) + "]" : null;
        List<String> signatures = List.of(doc.getValues(SIGNATURE));
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

    private static StoredEntry unreadable(Document doc, String text, String reason) {
        long time = doc.getField(TIME).numericValue().longValue();
        return new StoredEntry(
                "",
                Timestamps.instant(time),
                Severity.DEFAULT,
                new Scope("", "", "", "", "", ""),
                "",
                "",
                "(a stored entry that no longer reads: " + reason + ")",
                List.of(doc.getValues(SIGNATURE)),
                Columns.write(text),
                null);
    }

    static long tiebreak(String key) {
        return ByteBuffer.wrap(Base64.getUrlDecoder().decode(key)).getLong();
    }

    private static void keyword(Document doc, String field, String value) {
        String v = value.length() > MAX_KEYWORD ? value.substring(0, MAX_KEYWORD) : value;
        doc.add(new StringField(field, v, Field.Store.NO));
    }
}
