package dev.rootline.search;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Scope;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The terms of a batch's repeated keywords (severity, service, revision, instance, resource type, log name):
     * its entries share a few of each, so each is encoded once. Encoding every entry's keywords was about 7% of
     * what ingest allocated (docs/benchmarks.md, "Memory").
     */
    static final class BatchTerms {
        private final Map<String, BytesRef> encoded = new HashMap<>();

        private BytesRef of(String value) {
            return encoded.computeIfAbsent(value, LuceneFields::term);
        }
    }

    static Document toDocument(LogStore.StoredEvent stored, long receivedNanos, BatchTerms terms) {
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
        Scope scope = event.scope();
        keyword(doc, SEVERITY, terms.of(event.severity().name()));
        keyword(doc, SERVICE, terms.of(scope.service()));
        keyword(doc, REVISION, terms.of(scope.version()));
        keyword(doc, INSTANCE, terms.of(scope.instance()));
        keyword(doc, RESOURCE_TYPE, terms.of(scope.resourceType()));
        keyword(doc, LOG_NAME, terms.of(event.logName()));
        keyword(doc, INSERT_ID, term(event.insertId()));
        doc.add(new TextField(MESSAGE, event.message(), Field.Store.NO));
        for (byte[] entry : event.entries()) {
            doc.add(new StoredField(ENTRY, entry));
        }
        return doc;
    }

    /** Rebuilds the event from its stored originals, exactly as ingest built it. */
    static StoredEntry fromDocument(Document doc) {
        List<byte[]> originals = new ArrayList<>();
        for (IndexableField field : doc.getFields(ENTRY)) {
            BytesRef bytes = field.binaryValue();
            originals.add(Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length));
        }
        return StoredEntries.rebuild(
                originals,
                doc.getField(TIME).numericValue().longValue(),
                doc.getField(RECEIVED).numericValue().longValue(),
                List.of(doc.getValues(SIGNATURE)));
    }

    static long tiebreak(String key) {
        return ByteBuffer.wrap(Base64.getUrlDecoder().decode(key)).getLong();
    }

    private static BytesRef term(String value) {
        return new BytesRef(value.length() > MAX_KEYWORD ? value.substring(0, MAX_KEYWORD) : value);
    }

    private static void keyword(Document doc, String field, BytesRef term) {
        doc.add(new StringField(field, term, Field.Store.NO));
    }
}
