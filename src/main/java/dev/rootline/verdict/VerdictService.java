package dev.rootline.verdict;

import dev.rootline.engine.event.Timestamps;
import dev.rootline.engine.verdict.RevisionFacts;
import dev.rootline.engine.verdict.Verdict;
import dev.rootline.engine.verdict.VerdictRules;
import dev.rootline.incident.IncidentDetail;
import dev.rootline.incident.IncidentQueries;
import dev.rootline.incident.RevisionQueries;
import dev.rootline.template.TemplateQueries;
import dev.rootline.template.TemplateSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/** A revision's verdict, now or once it leaves pending (docs/architecture.md, "Verdicts"). */
@ApplicationScoped
public class VerdictService {

    /** New error templates listed: a revision that brings more has a bigger problem than its list. */
    private static final int MAX_NEW_ERRORS = 20;

    private final RevisionQueries revisions;
    private final IncidentQueries incidents;
    private final TemplateQueries templates;
    private final PendingVerdicts pending;
    private final VerdictRules rules;
    private final Duration maxWait;
    private final Clock clock;

    VerdictService(
            RevisionQueries revisions,
            IncidentQueries incidents,
            TemplateQueries templates,
            PendingVerdicts pending,
            VerdictConfig config,
            Clock clock) {
        this.revisions = revisions;
        this.incidents = incidents;
        this.templates = templates;
        this.pending = pending;
        this.rules = new VerdictRules(config.settle(), config.failSeverity());
        this.maxWait = config.maxWait();
        this.clock = clock;
    }

    /** Answers once the verdict is not {@code pending} or the wait, cut to the configured most, is over. */
    public CompletionStage<VerdictReport> await(String service, String revision, Duration wait) {
        Duration bounded = wait.compareTo(maxWait) > 0 ? maxWait : wait;
        return pending.await(service, bounded, over -> judge(service, revision, over));
    }

    /** The verdict as it stands; {@code waitOver}: a revision without entries is {@code nodata}, not pending. */
    public VerdictReport judge(String service, String revision, boolean waitOver) {
        RevisionQueries.RevisionTurn turn = revisions.turn(service, revision, Timestamps.nanos(clock.instant()));
        Verdict verdict = rules.judge(turn.facts(), waitOver);
        return new VerdictReport(
                service,
                revision,
                verdict.outcome(),
                verdict.reason(),
                turn.revision().orElse(null),
                turn.comparedTo().orElse(null),
                incidents(turn.facts(), verdict),
                turn.resolved(),
                newErrors(service, revision));
    }

    /** Each incident of the revision with its chain and whys, those the verdict fails on first. */
    private List<VerdictReport.Incident> incidents(RevisionFacts facts, Verdict verdict) {
        Set<String> failing =
                verdict.failing().stream().map(RevisionFacts.Turn::incidentId).collect(Collectors.toSet());
        return facts.turns().stream()
                .sorted(Comparator.comparing((RevisionFacts.Turn t) -> !failing.contains(t.incidentId())))
                .flatMap(t -> incidents.get(t.incidentId()).stream().map(detail -> incident(t, detail, failing)))
                .toList();
    }

    private static VerdictReport.Incident incident(
            RevisionFacts.Turn turn, IncidentDetail detail, Set<String> failing) {
        return new VerdictReport.Incident(lower(turn.kind()), failing.contains(turn.incidentId()), detail);
    }

    private List<TemplateSummary> newErrors(String service, String revision) {
        try {
            return templates.list(new TemplateQueries.Filter(service, revision, null, true, MAX_NEW_ERRORS));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the revision's new errors failed: " + e.getMessage(), e);
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
