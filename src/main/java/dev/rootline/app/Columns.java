package dev.rootline.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Text from log lines fitted to the database columns it is stored in. A value too long for its column, or a NUL
 * character (which PostgreSQL text cannot hold), would fail the whole transaction, and with it every batch that
 * shares it; so text is cut to the width, and JSON is made to fit by cutting the values inside it, never the JSON.
 */
public final class Columns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ELLIPSIS = "…";

    private Columns() {}

    /** The text, NUL-free and at most {@code width} characters (cut ones end in an ellipsis); null stays null. */
    public static String fit(String text, int width) {
        if (text == null) {
            return null;
        }
        String clean = text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
        if (clean.length() <= width) {
            return clean;
        }
        int end = width - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--; // never half a character
        }
        return clean.substring(0, Math.max(end, 0)) + ELLIPSIS;
    }

    /** A map of strings as JSON of at most {@code width} characters, its values cut as far as needed. */
    public static String json(Map<String, String> values, int width) {
        return fitted(
                values,
                width,
                cap -> {
                    Map<String, String> cut = new LinkedHashMap<>();
                    values.forEach((k, v) -> cut.put(k, v == null ? null : fit(v, cap)));
                    return cut;
                },
                values.values().stream());
    }

    /** A list of strings as JSON of at most {@code width} characters, its values cut as far as needed. */
    public static String json(List<String> values, int width) {
        return fitted(
                values, width, cap -> values.stream().map(v -> fit(v, cap)).toList(), values.stream());
    }

    private static <T> String fitted(T values, int width, IntFunction<T> cutTo, Stream<String> strings) {
        int cap = strings.mapToInt(s -> s == null ? 0 : s.length()).max().orElse(0);
        String json = write(values);
        while (json.length() > width) {
            if (cap <= 1) {
                throw new IllegalArgumentException("no values fit a JSON column of " + width + " characters");
            }
            cap /= 2;
            json = write(cutTo.apply(cap));
        }
        return json;
    }

    /** JSON of what Rootline made itself: it always serialises. */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Rootline's own values always serialise", e);
        }
    }
}
