package dev.rootline.web;

import dev.rootline.incident.ServiceSummary;
import dev.rootline.report.IterationReport;
import dev.rootline.search.LogStore;
import dev.rootline.template.TemplateSummary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The pages, as type-safe Qute templates under {@code templates/}: HTML-escaped unless a template says otherwise. */
@CheckedTemplate
final class Templates {

    private Templates() {}

    static native TemplateInstance services(List<ServiceSummary> services);

    static native TemplateInstance timeline(TimelineView view, List<TemplateSummary> newErrors);

    static native TemplateInstance incident(IncidentView view);

    static native TemplateInstance report(IterationReport report);

    static native TemplateInstance search(SearchView view);

    static native TemplateInstance entry(LogStore.EntryContext context);

    static native TemplateInstance login(String next, String error);
}
