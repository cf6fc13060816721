package dev.rootline.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Bad bodies made from good LogEntries, reproducibly from a seed: wrong types, truncation, encodings, nesting,
 * huge strings, duplicate keys, control characters, damaged gzip, other shapes and content types. Some
 * mutations leave a body Rootline should accept; the fuzzer checks behaviour, not which it is.
 */
final class Mutations {

    /** One request: where it goes, how it is labelled, what it carries, and what the mutation was. */
    record Body(String path, String contentType, String contentEncoding, byte[] bytes, String mutation) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Fields a LogEntry has, with the paths a mutation picks from. */
    private static final List<String> FIELDS = List.of(
            "timestamp",
            "receiveTimestamp",
            "severity",
            "insertId",
            "logName",
            "textPayload",
            "jsonPayload",
            "jsonPayload.message",
            "labels",
            "labels.instanceId",
            "resource",
            "resource.type",
            "resource.labels",
            "resource.labels.service_name",
            "resource.labels.revision_name",
            "httpRequest",
            "httpRequest.status",
            "httpRequest.latency",
            "httpRequest.requestUrl",
            "trace",
            "spanId",
            "traceSampled",
            "sourceLocation",
            "sourceLocation.line",
            "operation.first",
            "split.index",
            "protoPayload",
            "protoPayload.status.message");

    private static final List<String> TEXT_FIELDS = List.of(
            "textPayload",
            "jsonPayload.message",
            "insertId",
            "logName",
            "labels.instanceId",
            "resource.labels.service_name",
            "resource.labels.revision_name",
            "resource.type",
            "trace",
            "httpRequest.requestUrl",
            "severity",
            "timestamp");
    private static final List<String> TIMES = List.of(
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "1969-12-31T23:59:59Z",
            "2025-02-30T00:00:00Z",
            "2025-09-16T23:59:60Z",
            "2025-09-16T00:41:13.1234567891Z",
            "2025-09-16 00:41:13",
            "+292278994-08-17T07:12:55Z",
            "2025-09-16T00:41:13+25:00",
            "");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/x-ndjson",
            "application/jsonl",
            "text/plain",
            "application/json; charset=utf-16",
            "application/json; charset=latin1",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "*/*",
            ";;;",
            "application/");

    private final List<ObjectNode> seeds;
    private final Random random;

    Mutations(List<ObjectNode> seeds, long seed) {
        this.seeds = seeds;
        this.random = new Random(seed);
    }

    /** Case {@code n}: a few seed entries, made unique by their insertIds, then mutated. */
    Body next(int n) {
        List<ObjectNode> entries = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            ObjectNode entry = seeds.get(random.nextInt(seeds.size())).deepCopy();
            entry.put("insertId", "fz-" + n + "-" + i);
            entries.add(entry);
        }
        int kind = random.nextInt(16);
        return switch (kind) {
            case 0 -> tree(entries, "wrong type of " + wrongType(pick(entries)));
            case 1 -> tree(entries, "huge string in " + huge(pick(entries)));
            case 2 -> tree(entries, "control characters in " + control(pick(entries)));
            case 3 -> nested(entries);
            case 4 -> tree(entries, "time " + time(pick(entries)));
            case 5 -> tree(entries, "removed " + remove(pick(entries)));
            case 6 -> tree(entries, "key " + hugeKey(pick(entries)));
            case 7 -> bytes(truncate(array(entries)), "truncated");
            case 8 -> bytes(flip(array(entries)), "flipped bytes");
            case 9 -> bytes(duplicateKey(array(entries)), "duplicate keys");
            case 10 -> encoding(array(entries));
            case 11 -> gzip(array(entries));
            case 12 -> shape(entries);
            case 13 -> new Body("/api/v1/entries", pickOf(CONTENT_TYPES), null, array(entries), "content type");
            case 14 -> push(entries);
            default -> tree(entries, "none");
        };
    }

    private ObjectNode pick(List<ObjectNode> entries) {
        return entries.get(random.nextInt(entries.size()));
    }

    private <T> T pickOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private Body tree(List<ObjectNode> entries, String mutation) {
        return bytes(array(entries), mutation);
    }

    private static Body bytes(byte[] body, String mutation) {
        return new Body("/api/v1/entries", "application/json", null, body, mutation);
    }

    private static byte[] array(List<ObjectNode> entries) {
        ArrayNode array = NODES.arrayNode();
        entries.forEach(array::add);
        try {
            return JSON.writeValueAsBytes(array);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a value at a dotted path, making the objects on the way. */
    private static void set(ObjectNode entry, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        ObjectNode node = entry;
        for (int i = 0; i < steps.length - 1; i++) {
            JsonNode next = node.get(steps[i]);
            node = next instanceof ObjectNode object ? object : node.putObject(steps[i]);
        }
        node.set(steps[steps.length - 1], value);
    }

    private String wrongType(ObjectNode entry) {
        String path = pickOf(FIELDS);
        JsonNode value = switch (random.nextInt(7)) {
            case 0 -> NODES.numberNode(random.nextLong());
            case 1 -> NODES.textNode("garbage-" + random.nextInt(1000));
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.arrayNode().add(1).add("x");
            case 4 -> NODES.objectNode().put("a", 1);
            case 5 -> NODES.numberNode(random.nextDouble() * 1e300);
            default -> NODES.nullNode();
        };
        set(entry, path, value);
        return path;
    }

    private String huge(ObjectNode entry) {
        String path = pickOf(TEXT_FIELDS);
        int length = pickOf(List.of(256, 300, 1_001, 5_220, 70_000, 300_000));
        StringBuilder text = new StringBuilder(path.equals("textPayload") ? "DATABASE_HOST validation failed: " : "");
        while (text.length() < length) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        set(entry, path, NODES.textNode(text.toString()));
        return path + " (" + length + ")";
    }

    private String control(ObjectNode entry) {
        String path = pickOf(TEXT_FIELDS);
        String text = pickOf(List.of(
                "a\u0000b",
                "\u001b[31mred\u001b[0m",
                "\ud800 lone",
                "\udfff",
                "tab\tnew\nline",
                "\u0000",
                "ValueError: \u0000",
                "<!channel> & <https://x|y>"));
        set(entry, path, NODES.textNode(text));
        return path;
    }

    /** Nesting deeper than a JSON writer would write: spliced into the text. */
    private Body nested(List<ObjectNode> entries) {
        int depth = pickOf(List.of(500, 990, 1_001, 2_000, 5_000));
        String path = pickOf(List.of("jsonPayload.deep", "labels", "resource.labels", "httpRequest", "jsonPayload"));
        set(pick(entries), path, NODES.textNode("__deep__"));
        StringBuilder value = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            boolean array = random.nextBoolean();
            value.append(array ? "[" : "{\"n\":");
            close.insert(0, array ? "]" : "}");
        }
        String text = new String(array(entries), StandardCharsets.UTF_8)
                .replace("\"__deep__\"", value + "\"bottom\"" + close);
        return bytes(text.getBytes(StandardCharsets.UTF_8), "nesting " + depth + " in " + path);
    }

    private String time(ObjectNode entry) {
        String time = pickOf(TIMES);
        set(entry, random.nextBoolean() ? "timestamp" : "receiveTimestamp", NODES.textNode(time));
        return time;
    }

    private String remove(ObjectNode entry) {
        List<String> names = new ArrayList<>();
        entry.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() ? "none" : pickOf(names);
        if (random.nextInt(4) == 0) {
            entry.removeAll();
            return "everything";
        }
        entry.remove(name);
        return name;
    }

    private String hugeKey(ObjectNode entry) {
        int length = pickOf(List.of(1_000, 49_999, 50_001, 100_000));
        entry.putObject("jsonPayload").put("k".repeat(length), 1);
        return Integer.toString(length);
    }

    private byte[] truncate(byte[] body) {
        return java.util.Arrays.copyOf(body, random.nextInt(Math.max(1, body.length)));
    }

    private byte[] flip(byte[] body) {
        byte[] copy = body.clone();
        for (int i = 0, flips = 1 + random.nextInt(10); i < flips && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private byte[] duplicateKey(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        String key = pickOf(
                List.of("\"insertId\":", "\"timestamp\":", "\"textPayload\":", "\"resource\":", "\"severity\":"));
        return text.replaceFirst(
                        java.util.regex.Pattern.quote(key),
                        java.util.regex.Matcher.quoteReplacement(key + "\"dup\"," + key))
                .getBytes(StandardCharsets.UTF_8);
    }

    private Body encoding(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return switch (random.nextInt(5)) {
            case 0 ->
                bytes(
                        text.getBytes(Charset.forName(pickOf(List.of("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32")))),
                        "UTF-16/32");
            case 1 -> bytes(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body), "UTF-8 BOM");
            case 2 -> {
                byte[] bad = body.clone();
                int at = bad.length / 2;
                bad[at] = (byte) (int) pickOf(List.of(0xFF, 0xC3, 0x80, 0xED, 0xF8));
                yield bytes(bad, "invalid UTF-8");
            }
            case 3 ->
                new Body(
                        "/api/v1/entries",
                        "application/json; charset=utf-16",
                        null,
                        text.getBytes(StandardCharsets.UTF_16),
                        "declared UTF-16");
            default -> bytes(text.getBytes(StandardCharsets.ISO_8859_1), "Latin-1");
        };
    }

    private Body gzip(byte[] body) {
        byte[] zipped = gzipped(body);
        return switch (random.nextInt(4)) {
            case 0 -> new Body("/api/v1/entries", "application/json", "gzip", zipped, "gzip");
            case 1 -> new Body("/api/v1/entries", "application/json", "gzip", truncate(zipped), "truncated gzip");
            case 2 -> new Body("/api/v1/entries", "application/json", "gzip", flip(zipped), "damaged gzip");
            default -> new Body("/api/v1/entries", "application/json", "gzip", body, "gzip label on plain JSON");
        };
    }

    private Body shape(List<ObjectNode> entries) {
        StringBuilder ndjson = new StringBuilder();
        entries.forEach(e -> ndjson.append(e).append('\n'));
        return switch (random.nextInt(4)) {
            case 0 ->
                bytes(
                        ("{\"entries\":" + new String(array(entries), StandardCharsets.UTF_8) + "}")
                                .getBytes(StandardCharsets.UTF_8),
                        "entries shape");
            case 1 ->
                new Body(
                        "/api/v1/entries",
                        "application/x-ndjson",
                        null,
                        ndjson.toString().getBytes(StandardCharsets.UTF_8),
                        "NDJSON");
            case 2 ->
                bytes(
                        ("[" + new String(array(entries), StandardCharsets.UTF_8) + "]")
                                .getBytes(StandardCharsets.UTF_8),
                        "array in an array");
            default -> bytes(entries.get(0).toString().getBytes(StandardCharsets.UTF_8), "one entry");
        };
    }

    private Body push(List<ObjectNode> entries) {
        byte[] entry = entries.get(0).toString().getBytes(StandardCharsets.UTF_8);
        String data = switch (random.nextInt(3)) {
            case 0 -> Base64.getEncoder().encodeToString(entry);
            case 1 -> Base64.getEncoder().encodeToString(flip(entry));
            default -> "%%%not-base64";
        };
        String envelope = "{\"subscription\":\"projects/p/subscriptions/s\",\"message\":{\"messageId\":\""
                + "m".repeat(random.nextBoolean() ? 10 : 400) + "\",\"data\":\"" + data + "\"}}";
        return new Body(
                "/api/v1/pubsub/push", "application/json", null, envelope.getBytes(StandardCharsets.UTF_8), "push");
    }

    private static byte[] gzipped(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
