package dev.rootline.engine.event;

/**
 * The limits on what names an entry's place and identity: insertId, resource type, and the labels that make the
 * service, revision and instance. They are stored in database columns of these widths and used as keys, so a
 * longer value, or one with control characters, refuses its entry instead of failing after it was stored.
 */
public final class Identifiers {

    /** Characters of an insertId, service, revision, instance, project or location. */
    public static final int MAX_LENGTH = 255;
    /** Characters of a monitored-resource type ({@code cloud_run_revision}). */
    public static final int MAX_RESOURCE_TYPE = 64;

    private Identifiers() {}

    /** The value, if it fits {@link #MAX_LENGTH}; null passes. */
    static String check(String field, String value) throws InvalidEntryException {
        return check(field, value, MAX_LENGTH);
    }

    static String check(String field, String value, int max) throws InvalidEntryException {
        String problem = problem(value, max);
        if (problem != null) {
            throw new InvalidEntryException(field + problem);
        }
        return value;
    }

    /** A label's value, if it fits; named {@code map.key} only when it does not, for a batch holds thousands. */
    static String checkLabel(String map, String key, String value) throws InvalidEntryException {
        return problem(value, MAX_LENGTH) == null ? value : check(map + "." + key, value);
    }

    /** What is wrong with the value, worded to follow its name, or null. */
    private static String problem(String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return " is " + value.length() + " characters long; the limit is " + max;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return " holds a control character (U+" + String.format("%04X", (int) value.charAt(i)) + ")";
            }
        }
        return null;
    }
}
