package dev.rootline.engine.signature;

import java.util.List;

/**
 * What a line must hold for a signature's regex to run on it: one of the branches, each a {@link Conjunction}, one
 * per branch of a top-level alternation. A branch that requires nothing makes the regex run on every line.
 */
public record Prefilter(List<Conjunction> branches) {

    public Prefilter {
        branches = List.copyOf(branches);
    }

    public boolean everyLine() {
        return branches.stream().anyMatch(Conjunction::requiresNothing);
    }
}
