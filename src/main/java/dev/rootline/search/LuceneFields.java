package dev.rootline.search;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Scope;
import dev.rootline.engine.event.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/** The index schema: how a LogEvent becomes a Lucene document and back. */
final class LuceneFields {

    static final String ID = "id";
    static final String MEMBER = "member";
    static final String TIME = "time";
    static final String RECEIVED = "received";
    static final String SEVERITY = "severity";
    static final String SEVERITY_NUMBER = "severity_number";
    static final String SERVICE = "service";
    static final String REVISION = "revision";
    static final String INSTANCE = "instance";
    static final String RESOURCE_TYPE = "resource_type";
    static final String PROJECT = "project";
    static final String LOCATION = "location";
    static final String LOG_NAME = "logName";
    static final String INSERT_ID = "insertId";
    static final String MESSAGE = "message";
    static final String ENTRY = "entry";

    /** Fields indexed verbatim, so query syntax can filter on them ({@code service:api}). */
    static final List<String> KEYWORDS = List.of(ID, MEMBER, SEVERITY, SERVICE, REVISION, INSTANCE, RESOURCE_TYPE,
            PROJECT, LOCATION, LOG_NAME, INSERT_ID);

    /**
     * Every append looks each new entry up by key in every segment; a bloom filter on the key field lets most
     * segments answer "not here" without touching their terms dictionary.
     */
    static final Codec CODEC = new Lucene912Codec() {
        private final PostingsFormat bloom = new BloomFilteringPostingsFormat(PostingsFormat.forName("Lucene912"));

        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
            return field.equals(MEMBER) ? bloom : super.getPostingsFormatForField(field);
        }
    };

    /** Lucene rejects terms over 32 kB; no real label comes near this. */
    private static final int MAX_KEYWORD = 1024;

    private LuceneFields() {
    }

    static Document toDocument(LogEvent event, long receivedNanos) {
        Document doc = new Document();
        doc.add(new StringField(ID, event.key(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(event.key())));
        for (String member : event.memberKeys()) {
            doc.add(new StringField(MEMBER, member, Field.Store.NO));
        }
        doc.add(new LongPoint(TIME, event.timeNanos()));
        doc.add(new NumericDocValuesField(TIME, event.timeNanos()));
        doc.add(new StoredField(TIME, event.timeNanos()));
        doc.add(new LongPoint(RECEIVED, receivedNanos));
        doc.add(new StringField(SEVERITY, event.severity().name(), Field.Store.YES));
        doc.add(new IntPoint(SEVERITY_NUMBER, event.severity().number()));
        Scope scope = event.scope();
        keyword(doc, SERVICE, scope.service());
        keyword(doc, REVISION, scope.version());
        keyword(doc, INSTANCE, scope.instance());
        keyword(doc, RESOURCE_TYPE, scope.resourceType());
        keyword(doc, PROJECT, scope.project());
        keyword(doc, LOCATION, scope.location());
        keyword(doc, LOG_NAME, event.logName());
        keyword(doc, INSERT_ID, event.insertId());
        doc.add(new TextField(MESSAGE, event.message(), Field.Store.YES));
        for (byte[] entry : event.entries()) {
            doc.add(new StoredField(ENTRY, entry));
        }
        return doc;
    }

    static StoredEntry fromDocument(Document doc) {
        long time = doc.getField(TIME).numericValue().longValue();
        Scope scope = new Scope(doc.get(RESOURCE_TYPE), doc.get(PROJECT), doc.get(LOCATION), doc.get(SERVICE),
                doc.get(REVISION), doc.get(INSTANCE));
        List<String> entries = new ArrayList<>();
        for (IndexableField field : doc.getFields(ENTRY)) {
            BytesRef bytes = field.binaryValue();
            entries.add(new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8));
        }
        String joined = entries.size() > 1 ? "[" + String.join(",", entries.subList(1, entries.size())) + "]" : null;
        return new StoredEntry(doc.get(ID), Instant.ofEpochSecond(0, time), Severity.valueOf(doc.get(SEVERITY)), scope,
                doc.get(LOG_NAME), doc.get(INSERT_ID), doc.get(MESSAGE), entries.isEmpty() ? null : entries.get(0),
                joined);
    }

    private static void keyword(Document doc, String field, String value) {
        String v = value.length() > MAX_KEYWORD ? value.substring(0, MAX_KEYWORD) : value;
        doc.add(new StringField(field, v, Field.Store.YES));
    }
}
