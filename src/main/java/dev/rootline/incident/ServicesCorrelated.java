package dev.rootline.incident;

import dev.rootline.engine.signature.MatchedEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The services whose entries correlation just committed: fired after the commit, on correlation's thread, so an
 * observer reads what was committed and must hand any work of its own to another thread.
 */
public record ServicesCorrelated(Set<String> services) {

    static ServicesCorrelated of(List<MatchedEvent> events) {
        return new ServicesCorrelated(events.stream()
                .map(e -> e.event().scope().service())
                .filter(service -> !service.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }
}
