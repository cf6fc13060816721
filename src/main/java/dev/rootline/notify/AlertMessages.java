package dev.rootline.notify;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.Payload;
import dev.rootline.incident.IncidentDetail;
import dev.rootline.incident.IncidentJson;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Slack messages, built with the SDK's Block Kit model. Within Slack's limits (a header of 150 characters, a
 * section of 3,000, 50 blocks), long parts are cut and the root-cause line is always kept whole first.
 */
final class AlertMessages {

    static final int HEADER_LIMIT = 150;
    static final int SECTION_LIMIT = 3000;
    static final int BLOCK_LIMIT = 50;
    private static final int SUMMARY_LIMIT = 1000;
    /** Alerts a digest lists one by one; it counts the rest. */
    static final int DIGEST_LINES = 20;

    private final String publicUrl;

    AlertMessages(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** One incident change; {@code related} is the incident an uncovered one was revealed by. */
    Payload change(AlertKind kind, String revision, IncidentDetail detail, Optional<IncidentJson> related) {
        IncidentJson incident = detail.incident();
        String title = "%s %s: %s".formatted(emoji(kind), verb(kind), incident.title());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(fit(title, HEADER_LIMIT)))));
        blocks.add(section(s -> s.text(markdownText(fit(
                "*%s* · revision `%s` · %s severity · %s confidence"
                        .formatted(
                                escape(incident.service()),
                                escape(revision),
                                incident.severity(),
                                incident.confidence()),
                SECTION_LIMIT)))));
        blocks.add(section(s -> s.text(markdownText(rootCause(incident)))));
        if (!detail.whys().isEmpty()) {
            String whys = detail.whys().stream().map(w -> "• " + escape(w)).collect(Collectors.joining("\n"));
            blocks.add(section(s -> s.text(markdownText(fit("*Why?*\n" + whys, SECTION_LIMIT)))));
        }
        story(kind, revision, detail, related)
                .ifPresent(text -> blocks.add(section(s -> s.text(markdownText(fit(text, SECTION_LIMIT))))));
        blocks.add(context(c -> c.elements(List.of(markdownText(fit(counts(incident), SECTION_LIMIT))))));
        blocks.add(actions(a -> a.elements(
                List.of(button(b -> b.text(plainText("Open incident")).url(incidentUrl(incident.id())))))));
        // the fallback text is mrkdwn too, shown in notifications: escaped like the blocks
        return Payload.builder()
                .text(fit("[%s] %s".formatted(escape(incident.service()), escape(title)), SECTION_LIMIT))
                .blocks(blocks)
                .build();
    }

    /** An alert a rate limit held back, as a digest lists it. */
    record Held(AlertKind kind, String service, String title, String incidentId) {}

    /**
     * The alerts a route's rate limit held back in one window.
     *
     * @param listed the first of them, at most {@link #DIGEST_LINES}
     * @param total  how many there were
     */
    Payload digest(AlertRoute route, List<Held> listed, int total) {
        String title = "⏸ %,d more alerts held back on route %s".formatted(total, route.name());
        StringBuilder lines = new StringBuilder();
        for (Held h : listed.subList(0, Math.min(DIGEST_LINES, listed.size()))) {
            lines.append("• ")
                    .append(verb(h.kind()))
                    .append(" *")
                    .append(escape(h.service()))
                    .append("*: ")
                    .append(escape(h.title() == null ? h.incidentId() : h.title()))
                    .append(" (<")
                    .append(incidentUrl(h.incidentId()))
                    .append("|incident>)\n");
        }
        if (total > DIGEST_LINES) {
            lines.append("…and %,d more.".formatted(total - DIGEST_LINES));
        }
        List<LayoutBlock> blocks = List.of(
                header(h -> h.text(plainText(fit(title, HEADER_LIMIT)))),
                section(s -> s.text(markdownText(fit(lines.toString(), SECTION_LIMIT)))),
                context(c -> c.elements(List.of(markdownText(
                        "Rate limit: %d alerts per %s.".formatted(route.rateLimit(), human(route.rateWindow())))))));
        return Payload.builder().text(title).blocks(blocks).build();
    }

    Payload test(String route) {
        String text = "Rootline test message for route %s: alerts will arrive here.".formatted(route);
        return Payload.builder()
                .text(text)
                .blocks(List.of(section(s -> s.text(markdownText(text)))))
                .build();
    }

    private String rootCause(IncidentJson incident) {
        String line = fit("*Root cause:* " + escape(incident.rootCause().summary()), SUMMARY_LIMIT);
        IncidentJson.Evidence evidence = incident.rootCause().evidence();
        if (evidence == null) {
            return line;
        }
        String where = "\n_%s_\n".formatted(evidence.timestamp());
        int room = SECTION_LIMIT - line.length() - where.length() - 6;
        return line + where + "```" + fit(escape(evidence.message()), room) + "```";
    }

    private Optional<String> story(
            AlertKind kind, String revision, IncidentDetail detail, Optional<IncidentJson> related) {
        return switch (kind) {
            case UNCOVERED ->
                related.map(r -> "Uncovered when revision `%s` fixed *%s* (<%s|incident>)."
                        .formatted(escape(revision), escape(r.title()), incidentUrl(r.id())));
            case REGRESSED ->
                detail.timeline().stream()
                        .filter(e -> e.kind().equals("resolved"))
                        .reduce((a, b) -> b)
                        .map(e -> "Resolved by revision `%s` at %s; back in revision `%s`."
                                .formatted(escape(e.revision()), e.at(), escape(revision)));
            case RESOLVED -> Optional.of("Revision `%s` runs without it.".formatted(escape(revision)));
            default -> Optional.empty();
        };
    }

    private static String counts(IncidentJson incident) {
        String explained = incident.chain().stream()
                .skip(1)
                .map(s -> "%,d × %s".formatted(s.count(), s.signatureId()))
                .collect(Collectors.joining(", "));
        return "Explains %,d lines%s · first seen %s · last seen %s"
                .formatted(
                        incident.explainedCount(),
                        explained.isEmpty() ? "" : ": " + explained,
                        seconds(incident.firstSeen()),
                        seconds(incident.lastSeen()));
    }

    private String incidentUrl(String id) {
        return publicUrl + "/incidents/" + id;
    }

    private static String emoji(AlertKind kind) {
        return switch (kind) {
            case OPENED -> "🔴";
            case UNCOVERED -> "🟠";
            case REGRESSED -> "🔁";
            case RESOLVED -> "✅";
            default -> "ℹ️";
        };
    }

    private static String verb(AlertKind kind) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Instant seconds(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** Slack's mrkdwn takes {@code &}, {@code <} and {@code >} as control characters. */
    static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Cuts text to a length, never inside an escaped character. */
    static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp >= 0 && text.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        return text.substring(0, cut) + "…";
    }
}
