package dev.rootline.engine.rca;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an error line tells, for choosing the root among lines logged together (see {@code docs/design-notes.md},
 * "Every failure is an incident"): a line that names what went wrong beats one that only reports that something
 * failed, and a stack frame is never a root.
 */
public enum LineKind {
    /** Names what went wrong: an exception type, a quoted or bracketed value, a variable, a host, a file. */
    SPECIFIC,
    /** An error line that is neither: earliest wins. */
    PLAIN,
    /** Reports that something failed, exited or is unhealthy, and says no more. */
    SUMMARY,
    /** A line of a stack trace printed as an entry of its own. */
    FRAME;

    private static final Pattern FRAME_LINE = Pattern.compile(
            "^(?:at [\\w$.<>/\\[\\]`-]+[.(:]|File \"[^\"]+\", line \\d+|\\.\\.\\. \\d+ more|goroutine \\d+ \\[|"
                    + "[\\w./-]+\\.go:\\d+|#\\d+ 0x[0-9a-f]+ )");
    private static final Pattern DETAIL = Pattern.compile(
            "\\b[A-Za-z_][\\w.]*(?:Error|Exception|Fault)\\b" // an exception type
                    + "|'[^'\\s][^']{0,200}'|\"[^\"\\s][^\"]{0,200}\"|`[^`]+`" // a quoted value
                    + "|\\[(?!(?i:error|warn|warning|info|debug|critical|fatal|emerg|alert|crit|notice|trace)])"
                    + "[^\\]\\d\\s][^\\]]*]" // a listed value, not a level or a pid
                    + "|\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b" // an environment variable
                    + "|\\b(?:[A-Za-z][\\w.-]*|\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{2,5}\\b|\\w+://\\S+" // a host, a URL
                    + "|(?:^|[\\s(])/[\\w.-]+/[\\w./-]+" // a path, a file
                    + "|\\b[\\w-]+\\.(?:py|go|js|mjs|ts|java|rb|cs|dart|php|jar|sh|yaml|json)\\b"
                    + "|\\(\\d+: [^)]+\\)|\\berrno\\b|\\bpanic:|\\bNo module named\\b|\\bCannot find module\\b"
                    + "|\\bnot defined\\b|\\bNo such file\\b|\\bPermission denied\\b|\\bConnection refused\\b"
                    + "|\\bdoes not exist\\b|\\bnot found\\b");
    private static final Pattern SUMMARY_LINE = Pattern.compile("(?i)"
            + "\\b(?:startup|start-?up|application|app|initiali[sz]ation|boot|validation|setup|set ?up|service|services"
            + "|worker|server|process|readiness|health ?check|check|request|operation|job|task|sequence|deploy(?:ment)?"
            + "|migration|container|instance|revision|phase)s? (?:has |have )?(?:failed|failure|crashed|aborted)\\b"
            + "|\\bfailed to (?:start|boot|initiali[sz]e|load|run|create|set ?up|launch|become ready|complete)\\b"
            + "|\\b(?:exiting|shutting down|giving up|exited with code|is unhealthy|unhealthy|not ready|is broken)\\b"
            + "|\\bexit\\(\\d+\\)|\\b(?:STARTUP|CRITICAL|FATAL) FAILURE\\b|\\bFAILED\\b|\\berrors? occurred\\b");

    /** The kind of a line, judged on its headline (see {@link Headline}) and what the whole message holds. */
    public static LineKind of(String message) {
        String headline = Headline.of(message);
        if (FRAME_LINE.matcher(headline.strip()).find()) {
            return FRAME;
        }
        if (DETAIL.matcher(message).find()) {
            return SPECIFIC;
        }
        return SUMMARY_LINE.matcher(headline).find()
                        || headline.toLowerCase(Locale.ROOT).endsWith("failed.")
                ? SUMMARY
                : PLAIN;
    }
}
