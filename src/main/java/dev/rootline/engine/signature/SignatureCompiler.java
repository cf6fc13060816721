package dev.rootline.engine.signature;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles definitions into a {@link SignatureSet}, refusing anything that would be silently wrong: a bad regex,
 * a placeholder or fingerprint naming no group, an unknown {@code explains} target, a duplicate id, too few
 * examples, or an example that does not behave as it says.
 */
public final class SignatureCompiler {

    static final int MIN_MATCH_EXAMPLES = 2;
    static final int MIN_NO_MATCH_EXAMPLES = 1;
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9]+(\\.[a-z0-9-]+)+");

    private SignatureCompiler() {}

    public static SignatureSet compile(List<SignatureDefinition> definitions) throws InvalidSignatureException {
        List<CompiledSignature> compiled = new ArrayList<>(definitions.size());
        Map<String, SignatureDefinition> byId = new HashMap<>();
        for (SignatureDefinition d : definitions) {
            SignatureDefinition previous = byId.putIfAbsent(d.id(), d);
            if (previous != null) {
                throw new InvalidSignatureException(
                        d.origin(), "id " + d.id() + " is already defined at " + previous.origin());
            }
            compiled.add(compileOne(d));
        }
        for (SignatureDefinition d : definitions) {
            for (String target : d.explains()) {
                if (!byId.containsKey(target)) {
                    throw new InvalidSignatureException(d.origin(), "explains unknown signature " + target);
                }
            }
        }
        SignatureSet set = new SignatureSet(compiled);
        for (CompiledSignature signature : compiled) {
            ExampleCheck.verify(set, signature);
        }
        return set;
    }

    static CompiledSignature compileOne(SignatureDefinition d) throws InvalidSignatureException {
        if (d.id() == null || !ID.matcher(d.id()).matches()) {
            throw new InvalidSignatureException(
                    d.origin(), "id '" + d.id() + "' must be dotted lowercase words, e.g. gunicorn.worker-exit");
        }
        Optional<String> tooCostly = RegexLimits.violation(d.match().message());
        if (tooCostly.isPresent()) {
            throw new InvalidSignatureException(d.origin(), d.id() + ": match.message " + tooCostly.get());
        }
        Pattern message;
        try {
            message = Pattern.compile(d.match().message());
        } catch (PatternSyntaxException e) {
            throw new InvalidSignatureException(
                    d.origin(), d.id() + ": match.message is not an RE2 regular expression: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new InvalidSignatureException(d.origin(), d.id() + ": match.message nests too deeply to compile");
        }
        List<String> groups = new ArrayList<>(message.namedGroups().keySet());
        groups.sort(
                (a, b) -> message.namedGroups().get(a) - message.namedGroups().get(b));
        Set<String> known = new HashSet<>(groups);
        for (String field : d.fingerprint()) {
            if (!known.contains(field)) {
                throw new InvalidSignatureException(
                        d.origin(), d.id() + ": fingerprint field " + field + " is not a named group of match.message");
            }
        }
        for (String field : d.differs()) {
            if (!known.contains(field)) {
                throw new InvalidSignatureException(
                        d.origin(), d.id() + ": differs field " + field + " is not a named group of match.message");
            }
        }
        if ((d.yields() || d.latent()) && d.role() != Role.CAUSE) {
            throw new InvalidSignatureException(d.origin(), d.id() + ": only a cause yields or is latent");
        }
        for (String template : new String[] {d.title(), d.summary(), d.remediation()}) {
            for (String name : Templates.placeholders(template)) {
                if (!known.contains(name)) {
                    throw new InvalidSignatureException(
                            d.origin(), d.id() + ": {" + name + "} is not a named group of match.message");
                }
            }
        }
        if (d.examples().match().size() < MIN_MATCH_EXAMPLES
                || d.examples().noMatch().size() < MIN_NO_MATCH_EXAMPLES) {
            throw new InvalidSignatureException(
                    d.origin(),
                    d.id() + ": needs at least " + MIN_MATCH_EXAMPLES + " match and " + MIN_NO_MATCH_EXAMPLES
                            + " no_match examples");
        }
        java.util.regex.Pattern logName =
                d.match().logName().map(SignatureCompiler::glob).orElse(null);
        return new CompiledSignature(
                d,
                message,
                List.copyOf(groups),
                RequiredLiterals.allOf(d.match().message()),
                logName);
    }

    /** {@code *} matches any run of characters; everything else is literal. */
    private static java.util.regex.Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(java.util.regex.Pattern.quote(part));
        }
        return java.util.regex.Pattern.compile(regex.toString());
    }
}
