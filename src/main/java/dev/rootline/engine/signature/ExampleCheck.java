package dev.rootline.engine.signature;

import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.event.Payloads;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs a signature's examples through the whole set, as real lines would be: a plain example becomes a stderr
 * line with no severity (the level, if any, is read from the text), and an example written as a JSON object is
 * taken as a whole LogEntry.
 */
final class ExampleCheck {

    private static final com.fasterxml.jackson.core.io.JsonStringEncoder JSON =
            com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance();

    private ExampleCheck() {}

    static void verify(SignatureSet set, CompiledSignature signature) throws InvalidSignatureException {
        SignatureDefinition d = signature.definition();
        for (String example : d.examples().match()) {
            if (!matches(set, signature, example)) {
                throw new InvalidSignatureException(d.origin(), d.id() + ": example does not match: " + example);
            }
        }
        for (String example : d.examples().noMatch()) {
            if (matches(set, signature, example)) {
                throw new InvalidSignatureException(d.origin(), d.id() + ": no_match example matches: " + example);
            }
        }
    }

    private static boolean matches(SignatureSet set, CompiledSignature signature, String example)
            throws InvalidSignatureException {
        for (Match match : set.match(event(signature, example))) {
            if (match.signature() == signature) {
                return true;
            }
        }
        return false;
    }

    static LogEvent event(CompiledSignature signature, String example) throws InvalidSignatureException {
        String json = example.strip().startsWith("{")
                ? example
                : "{\"textPayload\":\"" + new String(JSON.quoteAsString(example)) + "\"}";
        try {
            List<LogEvent> events = Payloads.read(json.getBytes(StandardCharsets.UTF_8), 0);
            return events.get(0);
        } catch (InvalidEntryException e) {
            throw new InvalidSignatureException(
                    signature.definition().origin(),
                    signature.id() + ": example is not a valid LogEntry: " + e.getMessage());
        }
    }
}
