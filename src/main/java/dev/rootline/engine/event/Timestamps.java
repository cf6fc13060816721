package dev.rootline.engine.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** RFC 3339 timestamps as Cloud Logging writes them (0, 3, 6 or 9 fractional digits), to epoch nanoseconds. */
public final class Timestamps {

    private Timestamps() {}

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public static long nanos(Instant t) {
        return t.getEpochSecond() * NANOS_PER_SECOND + t.getNano();
    }

    public static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /** @throws IllegalArgumentException when the text is not an RFC 3339 timestamp */
    public static long parseNanos(String text) {
        long fast = parseUtcFast(text);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(text);
            return Math.addExact(Math.multiplyExact(t.toEpochSecond(), NANOS_PER_SECOND), t.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not an RFC 3339 timestamp");
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, the only shape the Logging API emits; MIN_VALUE for anything else. */
    private static long parseUtcFast(String s) {
        int n = s.length();
        if (n < 20
                || s.charAt(n - 1) != 'Z'
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 7), day = digits(s, 8, 10);
        int hour = digits(s, 11, 13), minute = digits(s, 14, 16), second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour > 23
                || minute > 59
                || second > 60) {
            return Long.MIN_VALUE;
        }
        long nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return Long.MIN_VALUE;
            }
            int value = digits(s, 20, n - 1);
            if (value < 0) {
                return Long.MIN_VALUE;
            }
            nanos = value;
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth() || second == 60) {
            return Long.MIN_VALUE; // let the JDK decide on leap seconds and bad dates
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second;
        return seconds * NANOS_PER_SECOND + nanos;
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
