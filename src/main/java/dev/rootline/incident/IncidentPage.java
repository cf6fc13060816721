package dev.rootline.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A page of incidents, best root cause first; {@code nextCursor} is null on the last page. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IncidentPage(List<IncidentJson> items, String nextCursor) {}
