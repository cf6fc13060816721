package dev.rootline.engine.rca;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Severity;
import dev.rootline.engine.signature.Match;
import dev.rootline.engine.signature.Role;
import dev.rootline.engine.signature.SignatureDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One piece of evidence for correlation: a signature match, or an error line that no signature knows (an
 * unknown error: the root of its own incident when nothing known explains it).
 *
 * @param signature the matched signature, or null for an unknown error
 * @param fields    the signature's named groups
 * @param message   the event's message; for a match, its {@link Excerpt} around what matched, which is all the
 *                  evidence it needs
 * @param familiarity for an unknown error: how well the service knows its template; SEEN for a match
 */
public record Signal(
        String entryKey,
        String insertId,
        long timeNanos,
        String revision,
        String instance,
        SignatureDefinition signature,
        Map<String, String> fields,
        String message,
        Familiarity familiarity) {

    /** The signature id under which unknown errors are kept. */
    public static final String UNKNOWN_ERROR = "unknown-error";

    private static final int FINGERPRINT_LENGTH = 200;
    private static final Pattern VARIABLE = Pattern.compile("0x[0-9a-fA-F]+|[0-9a-fA-F]{8,}|\\d+");

    public static Signal of(Match match) {
        LogEvent event = match.event();
        return of(
                event,
                match.signature().definition(),
                match.fields(),
                Excerpt.of(event.message(), match.matchedText()));
    }

    /**
     * An event no signature matched; worth keeping when it is an error, stated or, at DEFAULT, in its words: Cloud
     * Run logs what a program prints to stderr at DEFAULT, and that is where most crashes are told.
     */
    public static boolean isUnknownError(LogEvent event) {
        return event.severity().atLeast(Severity.ERROR)
                || event.severity() == Severity.DEFAULT && ErrorWords.in(event.message());
    }

    public static Signal unknown(LogEvent event) {
        return of(event, null, Map.of(), event.message());
    }

    private static Signal of(
            LogEvent event, SignatureDefinition signature, Map<String, String> fields, String message) {
        return new Signal(
                event.key(),
                event.insertId(),
                event.timeNanos(),
                event.scope().version(),
                event.scope().instance(),
                signature,
                fields,
                message,
                Familiarity.SEEN);
    }

    /** The signals in time order, split into runs wherever more than {@code gapNanos} of event time separate two. */
    public static List<List<Signal>> runs(Collection<Signal> signals, long gapNanos) {
        List<List<Signal>> runs = new ArrayList<>();
        long last = 0;
        for (Signal s : signals.stream()
                .sorted(Comparator.comparingLong(Signal::timeNanos))
                .toList()) {
            if (runs.isEmpty() || s.timeNanos() - last > gapNanos) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(s);
            last = s.timeNanos();
        }
        return runs;
    }

    /** What a stored signal is told apart by: one per entry and signature. */
    public static String storedKey(String entryKey, String signatureId) {
        return entryKey + '/' + signatureId;
    }

    public String storedKey() {
        return storedKey(entryKey, signatureId());
    }

    public Signal withFamiliarity(Familiarity f) {
        return new Signal(entryKey, insertId, timeNanos, revision, instance, signature, fields, message, f);
    }

    /** An unknown error whose template is new in this revision: the first of the candidates. */
    public boolean novel() {
        return familiarity == Familiarity.NEW;
    }

    /** An unknown error that serving revisions keep logging: counted on its template, in no incident. */
    public boolean background() {
        return familiarity == Familiarity.BACKGROUND;
    }

    /**
     * The message as kept for evidence: an unknown error keeps its whole message only until it is mined, then its
     * first line and its headline, from which the same headline and fingerprint are made again.
     */
    public String evidence() {
        return known() ? message : Excerpt.of(message, headline());
    }

    public boolean known() {
        return signature != null;
    }

    public String signatureId() {
        return known() ? signature.id() : UNKNOWN_ERROR;
    }

    public boolean is(Role role) {
        return known() && signature.role() == role;
    }

    /** A cause, an effect or a symptom: something that takes part in a failure chain. */
    public boolean isFailure() {
        return is(Role.CAUSE) || is(Role.EFFECT) || is(Role.SYMPTOM);
    }

    /** The line of the message that names the deepest cause (see {@link Headline}): what names an unknown error. */
    public String headline() {
        return Headline.of(message);
    }

    /** What the line tells: a known cause is specific unless it yields, an unknown error is judged on its text. */
    public LineKind kind() {
        if (known()) {
            return signature.yields() ? LineKind.SUMMARY : LineKind.SPECIFIC;
        }
        return LineKind.of(message);
    }

    /**
     * What splits incidents of one signature: the values of its fingerprint fields. An unknown error's is its
     * first line with numbers and ids masked, so the same error in every crash loop is one incident.
     */
    public String fingerprint() {
        if (!known()) {
            String masked = VARIABLE.matcher(headline()).replaceAll("#");
            return masked.length() <= FINGERPRINT_LENGTH ? masked : masked.substring(0, FINGERPRINT_LENGTH);
        }
        return signature.fingerprint().stream()
                .map(f -> fields.getOrDefault(f, ""))
                .collect(Collectors.joining("|"));
    }
}
