package dev.rootline.search;

import dev.rootline.engine.event.LogEvent;
import dev.rootline.engine.signature.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/** Joins an append's new entries into events (tracebacks) and tags each with the signatures it matches. */
final class Tagger {

    private static final Logger LOG = Logger.getLogger(Tagger.class);

    private final UnaryOperator<List<LogEvent>> join;
    private final Function<LogEvent, List<Match>> matcher;

    Tagger(UnaryOperator<List<LogEvent>> join, Function<LogEvent, List<Match>> matcher) {
        this.join = join;
        this.matcher = matcher;
    }

    List<LogStore.StoredEvent> tag(List<LogEvent> entries) {
        List<LogEvent> events = join.apply(entries);
        List<LogStore.StoredEvent> tagged = new ArrayList<>(events.size());
        for (LogEvent event : events) {
            tagged.add(new LogStore.StoredEvent(event, matches(event)));
        }
        return tagged;
    }

    /** The signatures an event matches; none when matching fails, which must not cost the entry its place. */
    private List<Match> matches(LogEvent event) {
        try {
            return matcher.apply(event);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.errorf(e, "matching entry %s failed; it is stored without signatures", event.key());
            return List.of();
        }
    }
}
