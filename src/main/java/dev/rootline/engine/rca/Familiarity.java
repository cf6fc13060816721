package dev.rootline.engine.rca;

/**
 * How well the service knows an unknown error's template when the line is logged (see {@code
 * docs/design-notes.md}, "Every failure is an incident").
 */
public enum Familiarity {
    /** The template was first seen in the line's revision: the first candidate for a crash nothing known explains. */
    NEW,
    /** Seen before, in an earlier revision or while this one was starting. */
    SEEN,
    /**
     * Background: revisions that were ready and serving have kept logging it. Counted on its template, never the
     * root or part of an incident, until it shows up in a revision that is not serving.
     */
    BACKGROUND;

    /** Lines of a template logged while serving, before which it is not yet background: one or two are an event. */
    public static final int STEADY = 3;

    /**
     * @param newInRevision          the template was first seen in the line's revision
     * @param serving                the line's revision had become ready before the line
     * @param servingSightingsBefore lines of the template logged by serving revisions before this one
     */
    public static Familiarity of(boolean newInRevision, boolean serving, long servingSightingsBefore) {
        if (serving && servingSightingsBefore >= STEADY) {
            return BACKGROUND;
        }
        return newInRevision ? NEW : SEEN;
    }
}
