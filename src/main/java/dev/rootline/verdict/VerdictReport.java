package dev.rootline.verdict;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.rootline.engine.verdict.VerdictOutcome;
import dev.rootline.incident.IncidentDetail;
import dev.rootline.incident.IncidentJson;
import dev.rootline.incident.RevisionQueries;
import dev.rootline.incident.ServiceSummary;
import dev.rootline.template.TemplateSummary;
import java.util.List;
import java.util.Locale;

/**
 * A revision's verdict as the API answers it.
 *
 * @param state      the revision's state and startup progress; null while no entry of it has arrived
 * @param comparedTo the last revision of the service that became ready before this one
 * @param incidents  those opened, uncovered or regressed in this revision, the failing ones first
 * @param resolved   incidents this revision resolved
 * @param newErrors  error templates first seen in this revision
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"service", "revision", "verdict", "reason"})
public record VerdictReport(
        String service,
        String revision,
        @JsonIgnore VerdictOutcome outcome,
        String reason,
        ServiceSummary.Revision state,
        String comparedTo,
        List<Incident> incidents,
        List<RevisionQueries.IncidentRef> resolved,
        List<TemplateSummary> newErrors) {

    /** {@code pass}, {@code fail}, {@code pending} or {@code nodata}. */
    @JsonProperty("verdict")
    public String verdict() {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param change how it came in this revision: {@code opened}, {@code uncovered} or {@code regressed}
     * @param fails  whether it is one the verdict fails on
     * @param detail the incident as read for the verdict; the report builds on it without reading it again
     */
    public record Incident(
            String change, boolean fails, @JsonIgnore IncidentDetail detail) {

        @JsonProperty("incident")
        @JsonUnwrapped
        public IncidentJson incident() {
            return detail.incident();
        }

        @JsonProperty("whys")
        public List<String> whys() {
            return detail.whys();
        }

        @JsonProperty("remediation")
        public String remediation() {
            return detail.remediation();
        }
    }
}
