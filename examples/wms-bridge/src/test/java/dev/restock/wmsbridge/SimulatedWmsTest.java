package dev.restock.wmsbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated WMS's HTTP API, as HttpWmsClient and the README's curl examples use it. */
class SimulatedWmsTest {

    private static final WmsOrder ORDER = new WmsOrder(
            "PO-1001",
            "po",
            "London",
            "Acme",
            null,
            List.of(new WmsOrder.Line("1", "SKU-1", "Mug", new BigDecimal("12.5"))));

    private final HttpClient http = HttpClient.newHttpClient();
    private WmsServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersARepeatedIdempotencyKeyWithTheSameOrder() throws Exception {
        server = new WmsServer(false);
        HttpWmsClient client = new HttpWmsClient(server.url());

        String first = client.createOrder("order-1", ORDER);
        String repeated = client.createOrder("order-1", ORDER);
        String other = client.createOrder("order-2", ORDER);

        assertThat(List.of(first, repeated, other)).containsExactly("WMS-1", "WMS-1", "WMS-2");
        assertThat(server.wms.orders()).hasSize(2);
        assertThat(server.wms.createRequests()).isEqualTo(3);
    }

    @Test
    void refusesAnOrderWithoutIdempotencyKey() throws Exception {
        server = new WmsServer(false);

        HttpResponse<String> response = send("POST", "/orders", "{\"reference\": \"PO-1\", \"lines\": []}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Idempotency-Key");
        assertThat(server.wms.orders()).isEmpty();
    }

    @Test
    void publishesReceiptsAsRunningTotalsPerLine() throws Exception {
        server = new WmsServer(false);
        HttpWmsClient client = new HttpWmsClient(server.url());
        String id = client.createOrder("order-1", ORDER);

        send(
                "POST",
                "/orders/" + id + "/receipts",
                "{\"date\": \"2026-12-01\", \"lines\": [{\"lineItemId\": \"1\", \"quantity\": 4}]}");
        send(
                "POST",
                "/orders/" + id + "/receipts",
                "{\"date\": \"2026-12-03\", \"lines\": [{\"lineItemId\": \"1\", \"quantity\": 8.5}]}");

        assertThat(client.receiptsAfter(0))
                .extracting(Receipt::sequence, Receipt::orderKey, Receipt::receivedTotal, Receipt::date)
                .containsExactly(
                        tuple(1L, "order-1", new BigDecimal("4"), LocalDate.of(2026, 12, 1)),
                        tuple(2L, "order-1", new BigDecimal("12.5"), LocalDate.of(2026, 12, 3)));
        assertThat(client.receiptsAfter(1)).extracting(Receipt::sequence).containsExactly(2L);
        assertThat(send("GET", "/orders/" + id, null).body()).contains("\"received\":{\"1\":12.5}");
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
