package dev.restock.wmsbridge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Wms} over HTTP, speaking the API of {@link SimulatedWms}: {@code POST /orders} with an
 * {@code Idempotency-Key} header, {@code GET /receipts?after=N}. Thread-safe.
 */
final class HttpWmsClient implements Wms {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // quantities stay exact
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    HttpWmsClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String createOrder(String idempotencyKey, WmsOrder order) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(resolve("/orders"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(order)))
                .build();
        String id = JSON.readTree(send(request)).path("id").stringValue(null);
        if (id == null || id.isBlank()) {
            // Without an id there is nothing to put in EXTERNAL_ID; the poll will ask again.
            throw new IOException("The WMS took order " + idempotencyKey + " but answered without an id");
        }
        return id;
    }

    @Override
    public List<Receipt> receiptsAfter(long sequence) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(resolve("/receipts?after=" + sequence))
                .timeout(TIMEOUT)
                .GET()
                .build();
        List<Receipt> receipts = new ArrayList<>();
        for (JsonNode receipt : JSON.readTree(send(request)).path("receipts")) {
            receipts.add(JSON.treeToValue(receipt, Receipt.class));
        }
        return receipts;
    }

    private String send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("WMS answered " + response.statusCode() + " to " + request.method() + " "
                        + request.uri() + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while calling the WMS", e);
        }
    }

    private URI resolve(String path) {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + path);
    }
}
