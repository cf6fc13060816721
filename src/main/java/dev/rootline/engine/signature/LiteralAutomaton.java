package dev.rootline.engine.signature;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Queue;

/**
 * Aho-Corasick over the signatures' required literals, case-insensitive: one pass over a line names every
 * signature whose literal occurs in it, whatever the number of signatures. Compiled to a dense table over the
 * characters that occur in some literal; every other character is one class.
 */
final class LiteralAutomaton {

    private final char[] classOf = new char[Character.MAX_VALUE + 1];
    private final int classes;
    /** Rows padded to a power of two, so a state is stored as its row offset, with bit 0 set when it has outputs. */
    private final int shift;

    private final int[] next;
    private final int[][] outputs;
    /** The longest literal's length less one: how far the first half of a scan runs past the middle. */
    private final int overlap;

    /** @param literals lowercased literals; the index of each is what {@link #scan} reports */
    LiteralAutomaton(List<String> literals) {
        int count = 1;
        overlap = literals.stream().mapToInt(String::length).max().orElse(1) - 1;
        for (String literal : literals) {
            for (char c : literal.toCharArray()) {
                if (classOf[c] == 0) {
                    char cls = (char) count++;
                    classOf[c] = cls;
                    classOf[Character.toUpperCase(c)] = cls;
                }
            }
        }
        classes = count;
        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(new int[classes]);
        out.add(new ArrayList<>());
        for (int i = 0; i < literals.size(); i++) {
            int state = 0;
            for (char c : literals.get(i).toCharArray()) {
                int cls = classOf[c];
                if (trie.get(state)[cls] == 0) {
                    trie.get(state)[cls] = trie.size();
                    trie.add(new int[classes]);
                    out.add(new ArrayList<>());
                }
                state = trie.get(state)[cls];
            }
            out.get(state).add(i);
        }
        int states = trie.size();
        int[] dense = new int[states * classes];
        int[] fail = new int[states];
        Queue<Integer> queue = new ArrayDeque<>();
        for (int cls = 0; cls < classes; cls++) {
            int child = trie.get(0)[cls];
            dense[cls] = child;
            if (child != 0) {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.remove();
            out.get(state).addAll(out.get(fail[state]));
            for (int cls = 0; cls < classes; cls++) {
                int child = trie.get(state)[cls];
                if (child != 0) {
                    fail[child] = dense[fail[state] * classes + cls];
                    dense[state * classes + cls] = child;
                    queue.add(child);
                } else {
                    dense[state * classes + cls] = dense[fail[state] * classes + cls];
                }
            }
        }
        outputs = new int[states][];
        for (int s = 0; s < states; s++) {
            outputs[s] = out.get(s).isEmpty()
                    ? null
                    : out.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
        }
        shift = 32 - Integer.numberOfLeadingZeros(Math.max(classes - 1, 1));
        next = new int[states << shift];
        for (int s = 0; s < states; s++) {
            for (int cls = 0; cls < classes; cls++) {
                int target = dense[s * classes + cls];
                next[(s << shift) + cls] = target << shift | (outputs[target] != null ? 1 : 0);
            }
        }
    }

    /**
     * Sets in {@code found} the index of every literal that occurs in the text.
     *
     * <p>Each step waits for the load of the one before, so a long text is scanned as two halves at once, which
     * lets the processor overlap their loads. The first half runs on past the middle by the longest literal less
     * one character: a literal that starts before the middle ends in the first half's range, and one that starts at
     * or after it lies in the second's.
     */
    void scan(String text, BitSet found) {
        int n = text.length();
        char[] classes = new char[n];
        for (int i = 0; i < n; i++) {
            classes[i] = classOf[text.charAt(i)];
        }
        int mid = n >>> 1;
        int firstEnd = mid + overlap;
        if (firstEnd >= n) {
            firstEnd = n;
            mid = n;
        }
        int first = 0;
        int second = 0;
        int both = Math.min(firstEnd, n - mid);
        for (int i = 0; i < both; i++) {
            first = next[(first & ~1) + classes[i]];
            second = next[(second & ~1) + classes[mid + i]];
            if (((first | second) & 1) != 0) {
                report(first, found);
                report(second, found);
            }
        }
        for (int i = both; i < firstEnd; i++) {
            first = next[(first & ~1) + classes[i]];
            report(first, found);
        }
        for (int i = mid + both; i < n; i++) {
            second = next[(second & ~1) + classes[i]];
            report(second, found);
        }
    }

    private void report(int state, BitSet found) {
        if ((state & 1) != 0) {
            for (int hit : outputs[state >>> shift]) {
                found.set(hit);
            }
        }
    }
}
