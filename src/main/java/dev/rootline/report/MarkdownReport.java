package dev.rootline.report;

import dev.rootline.incident.IncidentDetail;
import dev.rootline.incident.IncidentJson;
import dev.rootline.incident.ServiceSummary;
import dev.rootline.template.TemplateSummary;
import dev.rootline.verdict.VerdictReport;
import java.util.List;
import java.util.Locale;

/** An {@link IterationReport} as the Markdown an engineer would write up after each deploy. */
public final class MarkdownReport {

    private static final int MAX_QUOTE = 300;
    private static final int INSTANCE_CHARS = 12;

    private final StringBuilder out = new StringBuilder();

    private MarkdownReport() {}

    public static String render(IterationReport report) {
        MarkdownReport md = new MarkdownReport();
        md.line("# " + report.service() + ": deploy iterations");
        md.line("");
        int n = report.iterations().size();
        md.line(n + (n == 1 ? " revision." : " revisions, newest first."));
        for (IterationReport.Iteration iteration : report.iterations()) {
            md.iteration(iteration);
        }
        return md.out.toString();
    }

    private void iteration(IterationReport.Iteration iteration) {
        VerdictReport verdict = iteration.verdict();
        line("");
        line("## " + verdict.revision() + ": " + verdict.verdict().toUpperCase(Locale.ROOT));
        line("");
        line(verdict.reason());
        ServiceSummary.Revision state = verdict.state();
        if (state != null) {
            line("");
            line("State: %s%s. First seen %s.%s"
                    .formatted(
                            state.state(),
                            state.lastPhase() == null ? "" : ", reached " + state.lastPhase(),
                            state.firstSeen(),
                            verdict.comparedTo() == null ? "" : " Compared to " + verdict.comparedTo() + "."));
        }
        if (!iteration.fixed().isEmpty()) {
            line("");
            line("### What it fixed");
            for (IterationReport.Fix fix : iteration.fixed()) {
                fix(fix);
            }
        }
        for (IterationReport.Layer layer : iteration.layers()) {
            layer(layer);
        }
        newErrors(verdict.newErrors());
    }

    private void fix(IterationReport.Fix fix) {
        IncidentJson incident = fix.incident().incident();
        line("");
        line("- **%s** (%s): resolved."
                .formatted(incident.title(), incident.rootCause().signatureId()));
        for (String sentence : fix.evidence()) {
            line("  - " + sentence);
        }
    }

    private void layer(IterationReport.Layer layer) {
        IncidentDetail detail = layer.incident();
        IncidentJson incident = detail.incident();
        line("");
        line("### %s: %s".formatted(capitalised(layer.change()), incident.title()));
        line("");
        line("%s severity, %s confidence, %s.%s%s"
                .formatted(
                        capitalised(incident.severity()),
                        incident.confidence(),
                        incident.category(),
                        layer.uncoveredBy() == null ? "" : " Uncovered by the fix of \"" + layer.uncoveredBy() + "\".",
                        layer.fails() ? "" : " It does not fail the revision."));
        evidence(layer.evidence());
        whys(detail.whys());
        symptoms(layer);
        if (detail.remediation() != null && !detail.remediation().isBlank()) {
            line("");
            line("**Next steps:** " + detail.remediation().strip());
        }
    }

    private void evidence(List<IncidentDetail.EvidenceLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        line("");
        line("Evidence:");
        line("");
        for (IncidentDetail.EvidenceLine e : lines) {
            line("    %s  %s  %s".formatted(e.timestamp(), shortened(e.instance()), quote(e.message())));
        }
    }

    private void whys(List<String> whys) {
        if (whys.isEmpty()) {
            return;
        }
        line("");
        line("Five whys:");
        line("");
        for (int i = 0; i < whys.size(); i++) {
            line((i + 1) + ". " + whys.get(i));
        }
    }

    /** What users saw: the chain's symptom steps, counted. */
    private void symptoms(IterationReport.Layer layer) {
        if (layer.symptoms().isEmpty()) {
            return;
        }
        line("");
        StringBuilder sentence = new StringBuilder("Explains " + layer.symptomCount() + " user-facing failures:");
        for (IncidentJson.ChainStep step : layer.symptoms()) {
            sentence.append(" %d × %s (`%s`);"
                    .formatted(
                            step.count(),
                            step.evidence() == null ? "" : quote(step.evidence().message()),
                            step.signatureId()));
        }
        line(sentence.substring(0, sentence.length() - 1) + ".");
    }

    private void newErrors(List<TemplateSummary> templates) {
        if (templates.isEmpty()) {
            return;
        }
        line("");
        line("### New errors");
        line("");
        for (TemplateSummary t : templates) {
            line("- `%s` (%d times)".formatted(quote(t.template()).replace("`", "'"), t.count()));
        }
    }

    private static String quote(String message) {
        String oneLine = message.strip().replaceAll("\\s*\\n\\s*", " ⏎ ");
        return oneLine.length() <= MAX_QUOTE ? oneLine : oneLine.substring(0, MAX_QUOTE) + "…";
    }

    /** Cloud Run's instance ids run to 140 characters; their start tells instances apart. */
    private static String shortened(String instance) {
        return instance == null || instance.length() <= INSTANCE_CHARS
                ? instance
                : instance.substring(0, INSTANCE_CHARS) + "…";
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
