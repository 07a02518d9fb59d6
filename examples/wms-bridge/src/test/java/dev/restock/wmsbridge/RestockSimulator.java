package dev.restock.wmsbridge;

import com.standardwebhooks.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays Restock in tests: builds {@code stock_order.saved} webhooks as the payload contract
 * describes them and signs them the Standard Webhooks way.
 */
final class RestockSimulator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Webhook signer;
    private final HttpClient http = HttpClient.newHttpClient();

    RestockSimulator(String secret) {
        this.signer = new Webhook(secret);
    }

    /** The body Restock sends after saving an order with {@code lines} lines. */
    static String orderSavedBody(String orderId, String reference, int lines) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "stock_order.saved");
        body.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        ObjectNode order = body.putObject("data").putObject("order");
        order.put("id", orderId);
        order.put("reference", reference);
        order.put("type", "po");
        order.put("status", "OPEN");
        order.put("statusType", "active");
        order.put("warehouse", "London");
        order.put("vendor", "Acme");
        order.putNull("sourceWarehouse");
        order.put("currency", "GBP");
        order.put("savedTo", "local");
        order.put("table", OrderTableFixture.TABLE);
        order.putNull("externalId");
        order.put("createdAt", Instant.now().toString());
        order.putNull("expectedDate");
        ArrayNode lineNodes = order.putArray("lines");
        for (int line = 1; line <= lines; line++) {
            ObjectNode node = lineNodes.addObject();
            node.put("lineItemId", String.valueOf(line));
            node.put("sku", "SKU-" + line);
            node.put("title", "Item " + line);
            node.put("replenishment", line);
            node.put("received", 0);
            node.put("costPrice", 1.25);
            node.put("removed", false);
        }
        return JSON.writeValueAsString(body);
    }

    /** Posts a body signed now; returns the HTTP status. */
    int post(URI url, String body) throws Exception {
        return post(url, body, Instant.now(), signer);
    }

    /** Posts a body signed at the given time with the given signer; returns the HTTP status. */
    int post(URI url, String body, Instant signedAt, Webhook signer) throws Exception {
        String id = "evt_" + UUID.randomUUID();
        long timestamp = signedAt.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signer.sign(id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
