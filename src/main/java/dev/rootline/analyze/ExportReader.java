package dev.rootline.analyze;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a {@code gcloud logging read --format=json} export (one JSON array) or a stream of LogEntries (one per line,
 * or concatenated) in batches, without holding the file: an export of an hour is hundreds of megabytes.
 */
final class ExportReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportReader() {}

    /** Hands each batch of at most {@code size} entries, each entry's JSON, to {@code batches}. */
    static void read(InputStream in, int size, Consumer<List<byte[]>> batches) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            boolean array = first == JsonToken.START_ARRAY;
            List<byte[]> batch = new ArrayList<>(size);
            for (JsonToken t = array ? parser.nextToken() : first;
                    t != null && t != JsonToken.END_ARRAY;
                    t = parser.nextToken()) {
                batch.add(JSON.writeValueAsBytes(parser.<JsonNode>readValueAsTree()));
                if (batch.size() == size) {
                    batches.accept(List.copyOf(batch));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                batches.accept(List.copyOf(batch));
            }
        }
    }
}
