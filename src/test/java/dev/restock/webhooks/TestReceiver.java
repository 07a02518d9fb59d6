package dev.restock.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A webhook receiver on a local port (the JDK's HttpServer): records every request and answers
 * with the responses queued, then 200. Thread-safe.
 */
final class TestReceiver implements AutoCloseable {

    /** One request as received; header names in lower case. */
    record Request(String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.getFirst();
        }
    }

    /** An answer to give. */
    record Answer(int status, Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Queued> answers = new ArrayDeque<>();

    private record Queued(Predicate<Request> when, Answer answer) {}

    TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
            Answer answer;
            synchronized (this) {
                Request request = new Request(exchange.getRequestURI().getPath(), headers, body);
                requests.add(request);
                answer = nextAnswer(request);
            }
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] response = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), response.length == 0 ? -1 : response.length);
            try (var out = exchange.getResponseBody()) {
                out.write(response);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    synchronized TestReceiver answer(int status, Map<String, String> headers, String body) {
        answers.add(new Queued(request -> true, new Answer(status, headers, body)));
        return this;
    }

    /** Answers {@code status} to the next request whose body contains {@code text}. */
    synchronized TestReceiver answerWhenBodyContains(String text, int status) {
        answers.add(new Queued(request -> request.body().contains(text), new Answer(status, Map.of(), "")));
        return this;
    }

    private Answer nextAnswer(Request request) {
        for (Queued queued : answers) {
            if (queued.when().test(request)) {
                answers.remove(queued);
                return queued.answer();
            }
        }
        return new Answer(200, Map.of(), "ok");
    }

    synchronized TestReceiver answer(int status) {
        return answer(status, Map.of(), "status " + status);
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
