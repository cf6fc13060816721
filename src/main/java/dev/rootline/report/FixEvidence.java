package dev.rootline.report;

import dev.rootline.incident.IncidentDetail;
import dev.rootline.incident.ServiceSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Why a resolved incident counts as fixed by a revision, in sentences built from the stored facts. */
final class FixEvidence {

    private FixEvidence() {}

    /**
     * @param revision the revision that resolved it
     * @param state    that revision's state and progress, if known
     */
    static List<String> of(IncidentDetail incident, String revision, ServiceSummary.Revision state) {
        List<String> evidence = new ArrayList<>();
        IncidentDetail.RevisionCount last = lastBefore(incident, revision, state);
        String root = incident.incident().title();
        if (last != null) {
            evidence.add("%s, seen %s in %s, was not seen in %s."
                    .formatted(root, times(last.occurrences()), last.revision(), revision));
        }
        if (state == null) {
            return evidence;
        }
        if (state.readyAt() != null) {
            evidence.add("%s became ready at %s.".formatted(revision, state.readyAt()));
        } else if (last != null
                && last.phase() != null
                && state.lastPhase() != null
                && !Objects.equals(last.phase(), state.lastPhase())) {
            evidence.add("%s got past phase %s, where %s failed (it reached %s)."
                    .formatted(revision, last.phase(), last.revision(), state.lastPhase()));
        }
        return evidence;
    }

    private static String times(long n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    /** The incident's last revision before the one that resolved it (it may have regressed in a later one). */
    private static IncidentDetail.RevisionCount lastBefore(
            IncidentDetail incident, String revision, ServiceSummary.Revision state) {
        IncidentDetail.RevisionCount last = null;
        for (IncidentDetail.RevisionCount count : incident.revisions()) {
            boolean before = state == null || count.firstSeen().isBefore(state.firstSeen());
            if (!count.revision().equals(revision)
                    && before
                    && (last == null || count.lastSeen().isAfter(last.lastSeen()))) {
                last = count;
            }
        }
        return last;
    }
}
