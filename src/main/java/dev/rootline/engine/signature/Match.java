package dev.rootline.engine.signature;

import dev.rootline.engine.event.LogEvent;
import java.util.Map;

/**
 * A line recognised by a signature, with everything needed to explain it: which signature, which event, the
 * text that matched and the fields it yielded.
 *
 * @param fields the regex's named groups, in the order they appear
 */
public record Match(CompiledSignature signature, LogEvent event, String matchedText, Map<String, String> fields) {

    /** Longest captured value kept: what names a variable, module or host; longer ones are cut. */
    public static final int MAX_FIELD_LENGTH = 1000;

    public String title() {
        return Templates.render(signature.definition().title(), fields);
    }

    /** Why this is a match, in words: for the API and for whoever doubts it. */
    public String explain() {
        return "signature " + signature.id() + " (" + signature.definition().origin() + ") matched \"" + matchedText
                + "\"" + (fields.isEmpty() ? "" : " with " + fields);
    }
}
