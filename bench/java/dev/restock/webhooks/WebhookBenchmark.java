package dev.restock.webhooks;

import com.sun.net.httpserver.HttpServer;
import dev.restock.RestockApplication;
import dev.restock.events.Outbox;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers 10,000 outbox events to a local receiver, against the same number of bare POSTs of a
 * body of the same size by the same HttpClient with the same parallelism, in the same run.
 * Delivery includes everything serve does: dispatching events into deliveries, claiming them,
 * writing attempt rows, signing, sending, and recording the answers. Target: within 3 times the
 * bare POSTs.
 *
 * <p>Run with {@code bench/run webhooks [EVENTS]}.
 */
public final class WebhookBenchmark {

    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        AtomicLong received = new AtomicLong();
        HttpServer receiver = receiver(received);
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        try (var restock = new SpringApplicationBuilder(RestockApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        "restock.home", Files.createTempDirectory("restock-bench-").toString(),
                        "restock.webhooks.allow-private-addresses", "true",
                        "logging.level.dev.restock.webhooks", System.getProperty("bench.log", "INFO")))
                .logStartupInfo(false)
                .run()) {
            JdbcClient jdbc = restock.getBean(JdbcClient.class);
            TransactionTemplate transaction = restock.getBean(TransactionTemplate.class);
            Outbox outbox = restock.getBean(Outbox.class);
            WebhookDelivery delivery = restock.getBean(WebhookDelivery.class);
            WebhookProperties properties = restock.getBean(WebhookProperties.class);
            HttpClient client = delivery.sender().client();
            restock.getBean(WebhookSubscriptions.class).add(url, List.of("stock_order.*"), null, "benchmark");
            String body = sampleBody(jdbc, transaction, outbox);

            System.out.printf("Warming up (1,000 of each)%n");
            rawPosts(client, url, body, 1_000, properties.parallelism());
            appendEvents(transaction, outbox, 1_000);
            delivery.deliverDueNow();

            double[] raw = new double[RUNS];
            double[] delivered = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                rawPosts(client, url, body, events, properties.parallelism());
                raw[run] = seconds(start);

                appendEvents(transaction, outbox, events);
                long before = received.get();
                start = System.nanoTime();
                int attempts = delivery.deliverDueNow();
                delivered[run] = seconds(start);
                if (attempts != events || received.get() - before != events) {
                    throw new IllegalStateException("expected " + events + " deliveries, made " + attempts
                            + ", received " + (received.get() - before));
                }
                System.out.printf("  run %d: raw %.3f s, delivery %.3f s, ratio %.2f%n",
                        run + 1, raw[run], delivered[run], delivered[run] / raw[run]);
            }
            double rawMedian = median(raw);
            double deliveredMedian = median(delivered);
            System.out.printf("%nevents                 %,d, body %d bytes, parallelism %d%n",
                    events, body.length(), properties.parallelism());
            System.out.printf("raw POSTs              %.3f s   %,.0f requests/s%n", rawMedian, events / rawMedian);
            System.out.printf("webhook delivery       %.3f s   %,.0f events/s%n", deliveredMedian,
                    events / deliveredMedian);
            System.out.printf("ratio delivery/raw     %.2f  (target <= 3.00)%n", deliveredMedian / rawMedian);
        } finally {
            receiver.stop(0);
        }
    }

    /** A receiver that reads each body and answers 200, as a real one would. */
    private static HttpServer receiver(AtomicLong received) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, 2);
            try (var out = exchange.getResponseBody()) {
                out.write("ok".getBytes());
            }
        });
        // Daemon threads: HttpServer.stop leaves its executor running, which would keep the JVM alive.
        server.setExecutor(Executors.newFixedThreadPool(8, Thread.ofPlatform().daemon().factory()));
        server.start();
        return server;
    }

    /** The same number of bare POSTs, same client, same parallelism, same body size. */
    private static void rawPosts(HttpClient client, String url, String body, int count, int parallelism)
            throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(parallelism, Thread.ofVirtual().factory())) {
            List<Future<Integer>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> client.send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .header("content-type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode()));
            }
            for (Future<Integer> future : futures) {
                if (future.get() != 200) {
                    throw new IllegalStateException("the receiver did not answer 200");
                }
            }
        }
    }

    private static void appendEvents(TransactionTemplate transaction, Outbox outbox, int count) {
        for (int start = 0; start < count; start += 1_000) {
            int end = Math.min(count, start + 1_000);
            int first = start;
            transaction.executeWithoutResult(status -> {
                for (int i = first; i < end; i++) {
                    outbox.append("stock_order.saved", "order-" + i, order(i));
                }
            });
        }
    }

    /** A stock order payload shaped like the contract's, with three lines. */
    private static Map<String, Object> order(int i) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", "7d5e1c1e-0000-4000-8000-" + String.format("%012d", i));
        order.put("reference", "PO-" + (1000 + i));
        order.put("type", "po");
        order.put("status", "OPEN");
        order.put("statusType", "active");
        order.put("warehouse", "MAIN");
        order.put("vendor", "ACME");
        order.put("currency", "GBP");
        order.put("savedTo", "local");
        order.put("table", "PURCHASE_ORDERS");
        order.put("createdAt", "2026-12-03T10:00:00Z");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int line = 1; line <= 3; line++) {
            lines.add(Map.of("lineItemId", "line-" + line, "sku", "SKU-" + line, "title", "Mug " + line,
                    "replenishment", 12, "received", 0, "costPrice", 1.25, "removed", false));
        }
        order.put("lines", lines);
        return Map.of("order", order);
    }

    /** The body delivery would send for one event, so the raw POSTs carry as many bytes. */
    private static String sampleBody(JdbcClient jdbc, TransactionTemplate transaction, Outbox outbox) {
        var event = transaction.execute(status -> outbox.append("stock_order.saved", "sample", order(0)));
        jdbc.sql("update outbox_events set webhooks_dispatched_at = now() where id = ?").param(event.id()).update();
        return "{\"type\":\"stock_order.saved\",\"timestamp\":\"" + event.occurredAt() + "\",\"data\":"
                + event.payload() + "}";
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
