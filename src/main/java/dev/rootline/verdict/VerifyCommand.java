package dev.rootline.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rootline verify}: the deploy step that waits on a revision's verdict. Exits 0 on pass; 1 on fail,
 * printing the root cause and the whys; 2 when there is no verdict (nodata, the timeout, Rootline unreachable), so
 * that a pipeline never takes silence for success.
 */
public final class VerifyCommand {

    public static final int PASS = 0;
    public static final int FAIL = 1;
    public static final int NO_VERDICT = 2;

    static final String USAGE = "usage: rootline verify --url URL --service NAME --revision NAME [--timeout PT15M]"
            + " (the API token from ROOTLINE_API_TOKEN)";
    /** One request's wait: short enough for a proxy in between not to cut it. */
    private static final Duration POLL = Duration.ofMinutes(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final PrintStream out;

    public VerifyCommand(PrintStream out) {
        this.out = out;
    }

    /** @param args the command's arguments, after {@code verify} */
    public int run(String[] args, Optional<String> token) throws InterruptedException {
        Map<String, String> options = options(args);
        Duration timeout = options == null ? null : timeout(options.getOrDefault("timeout", "PT15M"));
        if (timeout == null || !options.keySet().containsAll(List.of("url", "service", "revision"))) {
            out.println(USAGE);
            return NO_VERDICT;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer from " + options.get("url");
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Duration wait = left.compareTo(POLL) < 0 ? left : POLL;
            try {
                JsonNode verdict = ask(options, wait, token);
                String outcome = verdict.path("verdict").asText();
                if (!outcome.equals("pending") || left.isZero()) {
                    return report(verdict, outcome);
                }
                last = verdict.path("reason").asText();
            } catch (IOException e) {
                last = "Rootline did not answer: " + e.getMessage();
                Thread.sleep(Math.min(5_000, wait.toMillis()));
            }
            if (System.nanoTime() - deadline >= 0) {
                out.println("NO VERDICT within " + timeout + ": " + last);
                return NO_VERDICT;
            }
        }
    }

    private JsonNode ask(Map<String, String> options, Duration wait, Optional<String> token)
            throws IOException, InterruptedException {
        URI uri = URI.create(options.get("url").replaceAll("/+$", "")
                + "/api/v1/services/" + encode(options.get("service"))
                + "/revisions/" + encode(options.get("revision"))
                + "/verdict?wait=" + wait);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(wait.plusSeconds(30)).GET();
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private int report(JsonNode verdict, String outcome) {
        out.println(
                outcome.toUpperCase(Locale.ROOT) + ": " + verdict.path("reason").asText());
        if (!outcome.equals("fail")) {
            return outcome.equals("pass") ? PASS : NO_VERDICT;
        }
        for (JsonNode incident : verdict.path("incidents")) {
            if (!incident.path("fails").asBoolean()) {
                continue;
            }
            out.println();
            JsonNode root = incident.path("rootCause");
            out.println("Root cause: "
                    + root.path("summary").asText(incident.path("title").asText()));
            JsonNode evidence = root.path("evidence");
            if (evidence.isObject()) {
                out.println("Evidence: " + evidence.path("timestamp").asText() + " "
                        + evidence.path("message").asText());
            }
            for (JsonNode why : incident.path("whys")) {
                out.println("  " + why.asText());
            }
            if (!incident.path("remediation").isNull()) {
                out.println("Next step: " + incident.path("remediation").asText());
            }
        }
        return FAIL;
    }

    private static Duration timeout(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code --name value} pairs; null when malformed. */
    private static Map<String, String> options(String[] args) {
        if (args.length % 2 != 0) {
            return null;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                return null;
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
