package dev.rootline.web;

import dev.rootline.incident.IncidentDetail;
import dev.rootline.incident.IncidentQueries;
import dev.rootline.incident.ServiceQueries;
import dev.rootline.notify.AlertService;
import dev.rootline.search.LogStore;
import dev.rootline.search.SearchService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Gathers what the incident page shows, from the incidents, the log store and the alerts. */
@ApplicationScoped
class IncidentViews {

    private static final int CONTEXT_LINES = 5;

    private final IncidentQueries incidents;
    private final ServiceQueries services;
    private final SearchService search;
    private final AlertService alerts;

    IncidentViews(IncidentQueries incidents, ServiceQueries services, SearchService search, AlertService alerts) {
        this.incidents = incidents;
        this.services = services;
        this.search = search;
        this.alerts = alerts;
    }

    Optional<IncidentView> view(String id) {
        return incidents.get(id).map(detail -> {
            IncidentDetail.EvidenceLine root =
                    detail.evidence().isEmpty() ? null : detail.evidence().get(0);
            String uncoveredBy = detail.incident().uncoveredBy();
            return IncidentView.of(
                    detail,
                    root == null ? null : context(root),
                    uncoveredBy == null
                            ? null
                            : incidents
                                    .get(uncoveredBy)
                                    .map(d -> d.incident().title())
                                    .orElse(uncoveredBy),
                    alerts.forIncident(id),
                    root == null ? null : logsExplorer(detail, root));
        });
    }

    private LogStore.EntryContext context(IncidentDetail.EvidenceLine root) {
        try {
            return search.context(root.entryKey(), CONTEXT_LINES, CONTEXT_LINES).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logsExplorer(IncidentDetail detail, IncidentDetail.EvidenceLine root) {
        return services.service(detail.incident().service())
                .map(s -> LogsExplorer.link(s.project(), s.resourceType(), s.name(), root.revision(), root.timestamp()))
                .orElse(null);
    }
}
