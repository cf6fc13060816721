package dev.rootline.engine.template;

import java.util.Arrays;

/**
 * A group of messages with one shape: the tokens they share, and {@code <*>} where they differ or hold a masked
 * variable. It only ever generalises: a message that joins it turns the tokens it does not share into {@code <*>}.
 */
public final class Template {

    public static final String VARIABLE = "<*>";

    private final String id;
    private final String[] tokens;
    private long count;

    Template(String id, String[] tokens, long count) {
        this.id = id;
        this.tokens = tokens;
        this.count = count;
    }

    public String id() {
        return id;
    }

    /** The template as text, its tokens separated by single spaces. */
    public String text() {
        return String.join(" ", tokens);
    }

    /** Messages it has taken since it was made or restored. */
    public long count() {
        return count;
    }

    /**
     * How alike a message is, in [0, 1]: the share of positions where the two hold the same token (both a variable
     * counts); {@code variables} is how many of the template's variables the message fills with something else.
     */
    double similarity(String[] message, int[] variables) {
        int same = 0;
        int both = 0;
        int filled = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] == VARIABLE) {
                if (message[i] == VARIABLE) {
                    both++;
                } else {
                    filled++;
                }
            } else if (tokens[i].equals(message[i])) {
                same++;
            }
        }
        variables[0] = filled + both;
        return tokens.length == 0 ? 1 : (double) (same + both) / tokens.length; // empty messages are one shape
    }

    /** Takes a message: the positions where it differs become variables. Returns whether the text changed. */
    boolean absorb(String[] message) {
        count++;
        boolean changed = false;
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] != VARIABLE && !tokens[i].equals(message[i])) {
                tokens[i] = VARIABLE;
                changed = true;
            }
        }
        return changed;
    }

    @Override
    public String toString() {
        return id + " " + Arrays.toString(tokens);
    }
}
