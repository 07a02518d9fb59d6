package dev.restock.cli;

import dev.restock.RestockException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference downstream integration of {@code examples/wms-bridge}, run by the demo as a child
 * process against the demo's {@code local} DuckDB file: it receives the demo's webhooks, forwards
 * the orders to its simulated WMS and writes {@code EXTERNAL_ID} and receipts into the table.
 *
 * <p>The bridge is a separate program; the demo only starts it, talks to its simulated WMS over
 * HTTP like any client would, and stops it. Its log goes to {@code wms-bridge.log} in the demo home.
 */
final class DemoBridge implements AutoCloseable {

    static final Path JAR = Path.of("examples", "wms-bridge", "target", "wms-bridge.jar");

    private static final String SECRET_VARIABLE = "RESTOCK_DEMO_WEBHOOK_SECRET";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private DemoBridge(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The bridge's jar in the repository Restock runs from, when it has been built. */
    static Optional<Path> jar(Optional<Path> repositoryRoot) {
        return repositoryRoot.map(root -> root.resolve(JAR)).filter(Files::isRegularFile);
    }

    /** A free port on the loopback interface, for the bridge to listen on. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static URI webhookUrl(int port) {
        return URI.create("http://127.0.0.1:" + port + "/webhooks");
    }

    /** Starts the bridge on {@code port} and waits for its ready line. */
    static DemoBridge start(Path jar, Path duckDbFile, int port, String secret, Path log) {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-jar",
                        jar.toString(),
                        "--jdbc-url",
                        "jdbc:duckdb:" + duckDbFile,
                        "--secret-env",
                        SECRET_VARIABLE,
                        "--port",
                        Integer.toString(port),
                        "--poll-interval",
                        "1s",
                        // The bridge stops when this process dies, even by kill -9: its standard
                        // input is a pipe from us, which the kernel closes then.
                        "--exit-with-stdin")
                .redirectError(log.toFile());
        builder.environment().put(SECRET_VARIABLE, secret);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RestockException("Could not start the WMS bridge (" + jar + "): " + e.getMessage(), e);
        }
        DemoBridge bridge = new DemoBridge(process, port);
        bridge.awaitReady(log);
        return bridge;
    }

    private void awaitReady(Path log) {
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("wms-bridge ready on port")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            if (!ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new RestockException("The WMS bridge stopped before it was ready; its log is " + log);
            }
        } catch (TimeoutException e) {
            close();
            throw new RestockException(
                    "The WMS bridge was not ready within " + START_TIMEOUT.toSeconds() + " s; its log is " + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new RestockException("Interrupted while starting the WMS bridge", e);
        } catch (ExecutionException e) {
            close();
            throw new RestockException("The WMS bridge did not start; its log is " + log, e);
        }
    }

    /** The orders the simulated WMS holds: its id, Restock's order id (the key) and the lines. */
    List<JsonNode> wmsOrders() {
        JsonNode orders = json.readTree(get("/wms/orders"));
        return orders.valueStream().toList();
    }

    /** A delivery arrives at the WMS: {@code quantity} of one line, received today. */
    void receive(String wmsOrderId, String lineItemId, java.math.BigDecimal quantity, LocalDate date) {
        String body = json.writeValueAsString(java.util.Map.of(
                "date", date.toString(),
                "lines", List.of(java.util.Map.of("lineItemId", lineItemId, "quantity", quantity))));
        send(HttpRequest.newBuilder(uri("/wms/orders/" + wmsOrderId + "/receipts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new RestockException("The WMS bridge answered " + response.statusCode() + " to "
                        + request.method() + " " + request.uri().getPath() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new RestockException("The WMS bridge did not answer " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestockException("Interrupted while talking to the WMS bridge", e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Stops the bridge (SIGTERM, then a forced stop after 10 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
