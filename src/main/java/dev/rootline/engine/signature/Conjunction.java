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
}
