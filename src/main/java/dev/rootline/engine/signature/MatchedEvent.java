package dev.rootline.engine.signature;

import dev.rootline.engine.event.LogEvent;
import java.util.List;

/** An event with the signatures it matched: what ingest hands to correlation. */
public record MatchedEvent(LogEvent event, List<Match> matches) {

    /** The ids of the matched signatures, as the log store indexes them. */
    public List<String> signatureIds() {
        return matches.stream().map(m -> m.signature().id()).toList();
    }
}
