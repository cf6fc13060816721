package dev.rootline.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A log line cut into plain text and the values a signature extracted from it, for the page to mark up. */
final class Highlight {

    private Highlight() {}

    /** @param field the extracted field this text is the value of; null for plain text */
    record Segment(String text, String field) {}

    /** The line as segments: each occurrence of a field's value marked, longest values first, never overlapping. */
    static List<Segment> of(String line, Map<String, String> fields) {
        String[] owner = new String[line.length()];
        fields.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .sorted(Comparator.comparingInt(
                                (Map.Entry<String, String> e) -> e.getValue().length())
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    for (int at = line.indexOf(e.getValue()); at >= 0; at = line.indexOf(e.getValue(), at + 1)) {
                        if (free(owner, at, e.getValue().length())) {
                            for (int i = at; i < at + e.getValue().length(); i++) {
                                owner[i] = e.getKey();
                            }
                        }
                    }
                });
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= line.length(); i++) {
            if (i == line.length() || !Objects.equals(owner[i], owner[start])) {
                segments.add(new Segment(line.substring(start, i), owner[start]));
                start = i;
            }
        }
        return segments;
    }

    private static boolean free(String[] owner, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (owner[i] != null) {
                return false;
            }
        }
        return true;
    }
}
