package dev.rootline.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends mutated bodies to a running Rootline one at a time and checks, for each: an answer below 500 within ten
 * seconds, and no entry stored from a refused (or quarantined) body, by the store's total before and after.
 */
public final class FuzzRun {

    static final Duration HANG = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What a run found; {@code failures} lists every case that broke a rule, with its mutation. */
    public record Report(
            int cases,
            Map<Integer, Integer> statuses,
            int accepted,
            int refused,
            List<String> failures,
            long maxMillis) {
        @Override
        public String toString() {
            return "%d cases: statuses %s, %d accepted, %d refused or quarantined, %d failures, slowest %d ms"
                    .formatted(cases, statuses, accepted, refused, failures.size(), maxMillis);
        }
    }

    private final URI base;
    private final String token;

    /** @param token a bearer token, or null */
    public FuzzRun(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public Report run(long seed, int cases) throws IOException, InterruptedException {
        Mutations mutations = new Mutations(Seeds.all(), seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        long maxMillis = 0;
        long total = total();
        for (int n = 0; n < cases; n++) {
            Mutations.Body body = mutations.next(n);
            long start = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = send(body);
            } catch (HttpTimeoutException e) {
                failures.add("case " + n + " (" + body.mutation() + "): no answer within " + HANG.toSeconds() + " s");
                continue;
            }
            maxMillis = Math.max(maxMillis, (System.nanoTime() - start) / 1_000_000);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            long after = total();
            boolean quarantined =
                    response.headers().firstValue("Content-Type").orElse("").contains("problem+json");
            if (response.statusCode() >= 500) {
                String answer = response.body().length() > 300 ? response.body().substring(0, 300) : response.body();
                failures.add("case " + n + " (" + body.mutation() + "): " + response.statusCode() + " " + answer);
            } else if (response.statusCode() != 200 || quarantined) {
                refused++;
                if (after != total) {
                    failures.add("case " + n + " (" + body.mutation() + "): refused with " + response.statusCode()
                            + " but the store went from " + total + " to " + after + " events");
                }
            } else {
                accepted++;
            }
            total = after;
        }
        return new Report(cases, statuses, accepted, refused, failures, maxMillis);
    }

    /** Whether Rootline says it is ready. */
    public boolean ready() throws IOException, InterruptedException {
        return HTTP.send(request("/q/health/ready").GET().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode()
                == 200;
    }

    private HttpResponse<String> send(Mutations.Body body) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(body.path())
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (body.contentEncoding() != null) {
            request.header("Content-Encoding", body.contentEncoding());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Events in the store, as search counts them. */
    private long total() throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(request("/api/v1/search?limit=1").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode page = JSON.readTree(response.body());
        return page.path("total").asLong();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(HANG);
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }
}
