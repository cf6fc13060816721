package dev.rootline.report;

import dev.rootline.incident.IncidentDetail;
import dev.rootline.incident.IncidentQueries;
import dev.rootline.incident.ServiceQueries;
import dev.rootline.incident.ServiceSummary;
import dev.rootline.verdict.VerdictReport;
import dev.rootline.verdict.VerdictService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds a service's {@link IterationReport} from its revisions' verdicts and its incidents. */
@ApplicationScoped
public class ReportService {

    /** Root lines quoted per incident: enough to recognise it, short enough to read. */
    private static final int EVIDENCE_LINES = 3;

    private final ServiceQueries services;
    private final VerdictService verdicts;
    private final IncidentQueries incidents;

    ReportService(ServiceQueries services, VerdictService verdicts, IncidentQueries incidents) {
        this.services = services;
        this.verdicts = verdicts;
        this.incidents = incidents;
    }

    /** The revisions seen between {@code since} and {@code until} (either open), newest first; empty: no service. */
    public Optional<IterationReport> report(String service, Optional<Instant> since, Optional<Instant> until) {
        return services.timeline(service).map(timeline -> {
            List<IterationReport.Iteration> iterations = new ArrayList<>();
            for (ServiceSummary.Revision revision : timeline.revisions().stream()
                    .filter(r -> since.map(s -> !r.lastSeen().isBefore(s)).orElse(true))
                    .filter(r -> until.map(u -> !r.firstSeen().isAfter(u)).orElse(true))
                    .sorted(Comparator.comparing(ServiceSummary.Revision::firstSeen)
                            .reversed())
                    .toList()) {
                iterations.add(iteration(verdicts.judge(service, revision.name(), true)));
            }
            return new IterationReport(service, iterations);
        });
    }

    private IterationReport.Iteration iteration(VerdictReport verdict) {
        List<IterationReport.Fix> fixed = new ArrayList<>();
        for (var resolved : verdict.resolved()) {
            incidents
                    .get(resolved.id())
                    .ifPresent(detail -> fixed.add(new IterationReport.Fix(
                            detail, FixEvidence.of(detail, verdict.revision(), verdict.state()))));
        }
        Map<String, String> titles = fixed.stream()
                .collect(Collectors.toMap(
                        f -> f.incident().incident().id(),
                        f -> f.incident().incident().title()));
        List<IterationReport.Layer> layers = new ArrayList<>();
        for (VerdictReport.Incident turn : verdict.incidents()) {
            layers.add(layer(turn, turn.detail(), verdict, titles));
        }
        return new IterationReport.Iteration(verdict, fixed, layers);
    }

    private IterationReport.Layer layer(
            VerdictReport.Incident turn, IncidentDetail detail, VerdictReport verdict, Map<String, String> fixedHere) {
        return new IterationReport.Layer(
                turn.change(),
                turn.fails(),
                detail,
                turn.change().equals("uncovered") ? uncoveredBy(detail, fixedHere) : null,
                evidence(detail, verdict.revision()),
                detail.incident().chain().stream()
                        .filter(step -> step.role().equals("symptom"))
                        .toList());
    }

    /** The root's lines, at most {@value #EVIDENCE_LINES}: those of this revision, else those of any. */
    private static List<IncidentDetail.EvidenceLine> evidence(IncidentDetail detail, String revision) {
        List<IncidentDetail.EvidenceLine> here = detail.evidence().stream()
                .filter(e -> revision.equals(e.revision()))
                .toList();
        List<IncidentDetail.EvidenceLine> lines = here.isEmpty() ? detail.evidence() : here;
        return lines.subList(0, Math.min(EVIDENCE_LINES, lines.size()));
    }

    /** The title of the incident whose fix uncovered this one: fixed in the same revision, or looked up. */
    private String uncoveredBy(IncidentDetail detail, Map<String, String> fixedHere) {
        String by = detail.incident().uncoveredBy();
        if (by == null) {
            return null;
        }
        return fixedHere.containsKey(by)
                ? fixedHere.get(by)
                : incidents.get(by).map(d -> d.incident().title()).orElse(by);
    }
}
