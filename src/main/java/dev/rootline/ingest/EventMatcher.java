package dev.rootline.ingest;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.signature.Match;
import dev.rootline.engine.signature.MatchedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** The match stage of ingest: tags each event with the signatures it matches. */
final class EventMatcher {

    private static final Logger LOG = Logger.getLogger(EventMatcher.class);

    private final Function<LogEvent, List<Match>> signatures;

    EventMatcher(Function<LogEvent, List<Match>> signatures) {
        this.signatures = signatures;
    }

    List<MatchedEvent> match(List<LogEvent> events) {
        List<MatchedEvent> matched = new ArrayList<>(events.size());
        for (LogEvent event : events) {
            matched.add(new MatchedEvent(event, matches(event)));
        }
        return matched;
    }

    /** The signatures an event matches; none when matching fails, which must not cost the entry its place. */
    private List<Match> matches(LogEvent event) {
        try {
            return signatures.apply(event);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.errorf(e, "matching entry %s failed; it is stored without signatures", event.key());
            return List.of();
        }
    }
}
