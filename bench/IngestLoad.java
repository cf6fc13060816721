import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load against a running Rootline, from the real 1,000-entry export in ../shared. Every request carries entries
 * never sent before (insertIds are suffixed per request), so the run measures real writes, not dedup.
 *
 *   java bench/IngestLoad.java batch URL SECONDS CLIENTS   # POST /api/v1/entries, 1000-entry batches
 *   java bench/IngestLoad.java push  URL SECONDS CLIENTS   # POST /api/v1/pubsub/push, one entry each
 */
public class IngestLoad {

    private static final Pattern INSERT_ID = Pattern.compile("\"insertId\": \"([^\"]+)\"");
    private static final Pattern ENTRY = Pattern.compile("(?s)\\n  \\{\\n.*?\\n  \\}");

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String base = args[1];
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        String export = Files.readString(Path.of("..", "shared", "corpus", "exports", "dev",
                "gcp_logs_last_hour_20250915_175001.json"));
        List<String> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(export);
        while (m.find()) {
            entries.add(m.group().strip());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong sequence = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long n = sequence.getAndIncrement();
                    HttpRequest request;
                    int count;
                    if (mode.equals("batch")) {
                        String body = INSERT_ID.matcher(export).replaceAll("\"insertId\": \"$1-" + n + "\"");
                        request = post(base + "/api/v1/entries", body);
                        count = entries.size();
                    } else {
                        String entry = INSERT_ID.matcher(entries.get((int) (n % entries.size())))
                                .replaceAll("\"insertId\": \"$1-" + n + "\"");
                        String data = Base64.getEncoder().encodeToString(entry.getBytes(StandardCharsets.UTF_8));
                        request = post(base + "/api/v1/pubsub/push", "{\"subscription\":\"projects/p/subscriptions/s\","
                                + "\"message\":{\"data\":\"" + data + "\",\"messageId\":\"" + n + "\"}}");
                        count = 1;
                    }
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t0);
                    if (response.statusCode() != 200 || response.body().contains("\"accepted\":0")) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                    sent.addAndGet(count);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%s: %d entries in %.1f s = %.0f entries/s over %d requests; latency p50 %.1f ms, p99 %.1f ms%n",
                mode, sent.get(), elapsed, sent.get() / elapsed, sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6);
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double heap = metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        System.out.printf("heap used after the run: %.0f MiB%n", heap / (1 << 20));
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
