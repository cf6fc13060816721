package dev.rootline.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A real HTTP server standing in for Slack's incoming webhooks: records every request with the reply it got, and
 * replies as scripted (by default {@code 200 ok}, as Slack does).
 */
public final class SlackFake implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A webhook URL's secret part, which must never show outside the configuration. */
    public static final String SECRET = "T0FAKE/B0FAKE/xoxSecretToken42";

    public record Reply(int status, String body, Map<String, String> headers) {

        public static Reply of(int status, String body) {
            return new Reply(status, body, Map.of());
        }
    }

    /** One webhook call: when, on which path, the message's JSON and text, and the reply it got. */
    public record Request(Instant at, String path, JsonNode body, int status) {

        /** Everything the message says, its blocks included. */
        public String text() {
            return body.toString();
        }

        public String header() {
            for (JsonNode block : body.path("blocks")) {
                if (block.path("type").asText().equals("header")) {
                    return block.path("text").path("text").asText();
                }
            }
            return "";
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Reply>> scripted = new LinkedHashMap<>();
    private Reply whileDown;

    private SlackFake(HttpServer server) {
        this.server = server;
    }

    public static SlackFake start() {
        try {
            SlackFake fake = new SlackFake(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            fake.server.createContext("/", fake::handle);
            fake.server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A webhook URL on this server, ending with the secret. */
    public String url(String channel) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/" + channel + "/" + SECRET;
    }

    /** The next requests whose message mentions {@code text} get these replies, in order. */
    public synchronized void reply(String text, Reply... replies) {
        scripted.computeIfAbsent(text, t -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    /** Until {@link #up()}, every request gets this reply. */
    public synchronized void down(Reply reply) {
        whileDown = reply;
    }

    public synchronized void up() {
        whileDown = null;
    }

    public synchronized List<Request> requests(Predicate<Request> which) {
        return requests.stream().filter(which).toList();
    }

    /** Requests whose message mentions a text. */
    public List<Request> mentioning(String text) {
        return requests(r -> r.text().contains(text));
    }

    /** Waits until {@code n} requests match, and returns them. */
    public List<Request> await(Predicate<Request> which, int n, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<Request> matched = requests(which);
            if (matched.size() >= n) {
                return matched;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(
                "expected " + n + " requests, got " + requests(which).size() + ": "
                        + requests(which).stream().map(Request::header).toList());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            Reply reply = replyTo(exchange.getRequestURI().getPath(), body);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private synchronized Reply replyTo(String path, JsonNode body) {
        Reply reply = whileDown;
        if (reply == null) {
            reply = scripted.entrySet().stream()
                    .filter(e -> !e.getValue().isEmpty() && body.toString().contains(e.getKey()))
                    .findFirst()
                    .map(e -> e.getValue().poll())
                    .orElse(Reply.of(200, "ok"));
        }
        requests.add(new Request(Instant.now(), path, body, reply.status()));
        return reply;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
