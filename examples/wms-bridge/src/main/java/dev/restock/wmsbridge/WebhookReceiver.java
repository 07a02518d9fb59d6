package dev.restock.wmsbridge;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives Restock's webhooks: verifies the Standard Webhooks signature, queues the order of a
 * {@code stock_order.saved} event for forwarding and answers 204 at once, before any work is
 * done, so Restock never waits on the WMS. A webhook accepted and then lost in a crash is not a
 * problem: the poll finds the order in the table anyway.
 *
 * <p>Restock repeats a delivery with the same {@code webhook-id} when it saw no 2xx; the
 * forwarder is idempotent, so repeats need no bookkeeping here. Thread-safe.
 */
final class WebhookReceiver implements HttpHandler {

    static final String ORDER_SAVED = "stock_order.saved";

    /** An order of a few thousand lines fits; anything bigger is not from Restock. */
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger("wms-bridge");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Webhook> verifiers;
    private final OrderForwarder forwarder;

    /** One secret normally; during a secret rotation in Restock, the old and the new one. */
    WebhookReceiver(List<String> secrets, OrderForwarder forwarder) {
        this.verifiers = secrets.stream().map(Webhook::new).toList();
        this.forwarder = forwarder;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 405);
                return;
            }
            byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                respond(exchange, 413);
                return;
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            if (!verified(body, exchange.getRequestHeaders())) {
                respond(exchange, 401);
                return;
            }

            JsonNode event = parse(body);
            if (event == null) {
                respond(exchange, 400);
                return;
            }
            String orderId = event.path("data").path("order").path("id").stringValue(null);
            if (ORDER_SAVED.equals(event.path("type").stringValue(null)) && orderId != null) {
                forwarder.submit(orderId);
            }
            respond(exchange, 204);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** True when any of the secrets verifies the signature and the timestamp is within 5 minutes. */
    boolean verified(String body, Map<String, List<String>> headers) {
        String reason = "no secret configured";
        for (Webhook verifier : verifiers) {
            try {
                verifier.verify(body, headers);
                return true;
            } catch (WebhookVerificationException e) {
                reason = e.getMessage();
            }
        }
        LOG.log(Level.WARNING, "Refused a webhook: {0}", reason);
        return false;
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }
}
