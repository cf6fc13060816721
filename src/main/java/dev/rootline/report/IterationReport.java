package dev.rootline.report;

import dev.rootline.incident.IncidentDetail;
import dev.rootline.incident.IncidentJson;
import dev.rootline.verdict.VerdictReport;
import java.util.List;

/**
 * The report engineers write after each turn of the deploy loop, built from the stored history alone: per revision,
 * newest first, its verdict, what it fixed and the evidence the fix worked, what it uncovered or regressed, and its
 * new errors.
 */
public record IterationReport(String service, List<Iteration> iterations) {

    /** One revision's turn. */
    public record Iteration(VerdictReport verdict, List<Fix> fixed, List<Layer> layers) {}

    /** An incident the revision resolved, and why it counts as fixed. */
    public record Fix(IncidentDetail incident, List<String> evidence) {}

    /**
     * An incident that opened, was uncovered or regressed in the revision.
     *
     * @param change      {@code opened}, {@code uncovered} or {@code regressed}
     * @param uncoveredBy the title of the incident whose fix revealed it, for {@code uncovered}
     * @param evidence    the root's lines in this revision (those of others when it logged none here)
     * @param symptoms    what users saw: the chain's symptom steps, each with its count
     */
    public record Layer(
            String change,
            boolean fails,
            IncidentDetail incident,
            String uncoveredBy,
            List<IncidentDetail.EvidenceLine> evidence,
            List<IncidentJson.ChainStep> symptoms) {

        /** How many user-facing failures it explains. */
        public long symptomCount() {
            return symptoms.stream().mapToLong(IncidentJson.ChainStep::count).sum();
        }
    }
}
