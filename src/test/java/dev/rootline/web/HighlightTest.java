package dev.rootline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HighlightTest {

    @Test
    void marksEveryOccurrenceOfEachValueAndKeepsTheRestPlain() {
        assertThat(Highlight.of(
                        "DATABASE_HOST validation failed: DATABASE_HOST required",
                        Map.of("var", "DATABASE_HOST", "reason", "DATABASE_HOST required")))
                .containsExactly(
                        new Highlight.Segment("DATABASE_HOST", "var"),
                        new Highlight.Segment(" validation failed: ", null),
                        new Highlight.Segment("DATABASE_HOST required", "reason"));
    }

    @Test
    void valuesThatAreNotInTheLineOrEmptyMarkNothing() {
        assertThat(Highlight.of("exit(3)", Map.of("code", "4", "empty", "")))
                .containsExactly(new Highlight.Segment("exit(3)", null));
        assertThat(Highlight.of("", Map.of("code", "3"))).isEmpty();
    }
}
