package dev.rootline.web;

import dev.rootline.incident.IncidentDetail;
import dev.rootline.incident.IncidentJson;
import dev.rootline.notify.AlertJson;
import dev.rootline.search.LogStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The incident page: the incident, its chain from the symptom users saw down to the root cause, the root's line
 * with its extracted fields marked, the lines around it, and the alerts sent about it.
 *
 * @param context          the entries around the root's line on its instance; null when the store no longer has it
 * @param uncoveredByTitle the title of the incident whose fix revealed this one, if any
 */
record IncidentView(
        IncidentDetail detail,
        List<IncidentJson.ChainStep> symptomFirst,
        List<Highlight.Segment> rootLine,
        IncidentDetail.EvidenceLine root,
        LogStore.EntryContext context,
        String uncoveredByTitle,
        List<AlertJson> alerts,
        String logsExplorerUrl) {

    static IncidentView of(
            IncidentDetail detail,
            LogStore.EntryContext context,
            String uncoveredByTitle,
            List<AlertJson> alerts,
            String logsExplorerUrl) {
        List<IncidentJson.ChainStep> chain = new ArrayList<>(detail.incident().chain());
        Collections.reverse(chain);
        IncidentDetail.EvidenceLine root =
                detail.evidence().isEmpty() ? null : detail.evidence().get(0);
        return new IncidentView(
                detail,
                chain,
                root == null ? List.of() : Highlight.of(root.message(), root.fields()),
                root,
                context,
                uncoveredByTitle,
                alerts,
                logsExplorerUrl);
    }
}
