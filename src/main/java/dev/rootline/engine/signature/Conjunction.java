package dev.rootline.engine.signature;

import java.util.List;

/**
 * Literal text a line must hold: for each group, at least one of its alternatives ({@code Worker (?:exited|died)}
 * gives [[worker], [exited, died]]). No groups: nothing is required.
 */
public record Conjunction(List<List<String>> groups) {

    public Conjunction {
        groups = List.copyOf(groups);
    }

    public boolean requiresNothing() {
        return groups.isEmpty();
    }

    /** Whether the text holds one alternative of every group. */
    public boolean heldBy(String text) {
        return groups.stream().allMatch(group -> group.stream().anyMatch(text::contains));
    }
}
