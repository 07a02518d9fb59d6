package dev.restock.wmsbridge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny warehouse management system with an HTTP API, standing in for the real one. It keeps
 * everything in memory, so a test (or you, with curl) can check that each order arrived once.
 *
 * <pre>
 * POST /orders                 body: a WmsOrder; header Idempotency-Key required.
 *                              201 {"id": "WMS-1"} the first time; 200 with the same id for a
 *                              repeated key (the order is not created again)
 * GET  /orders                 every order, with its key, lines and quantities received
 * GET  /orders/{id}            one order
 * POST /orders/{id}/receipts   body: {"date": "2026-12-03", "lines": [{"lineItemId": "1", "quantity": 4}]}
 * GET  /receipts?after=N       receipts with a sequence number above N, oldest first
 * </pre>
 *
 * With {@code autoReceive} every new order is received in full at once, so a demo sees receipts
 * flow back without anyone working the warehouse. Thread-safe: every method holds the lock.
 */
final class SimulatedWms implements HttpHandler {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // quantities stay exact
            .build();
    private static final Pattern ORDER = Pattern.compile(".*/orders/([^/]+)");
    private static final Pattern RECEIPTS = Pattern.compile(".*/orders/([^/]+)/receipts");

    /** An order the WMS holds; {@code received} is the running total per line item id. */
    record StoredOrder(String id, String idempotencyKey, WmsOrder order, Map<String, BigDecimal> received) {}

    record ReceiptRequest(LocalDate date, List<ReceiptLine> lines) {}

    record ReceiptLine(String lineItemId, BigDecimal quantity) {}

    private final Clock clock;
    private final boolean autoReceive;
    private final Map<String, StoredOrder> ordersById = new LinkedHashMap<>();
    private final Map<String, String> idsByKey = new LinkedHashMap<>();
    private final List<Receipt> receipts = new ArrayList<>();
    private int createRequests;

    SimulatedWms(Clock clock, boolean autoReceive) {
        this.clock = clock;
        this.autoReceive = autoReceive;
    }

    /** Takes an order, or returns the id already given to this idempotency key. */
    synchronized String createOrder(String idempotencyKey, WmsOrder order) {
        createRequests++;
        String existing = idsByKey.get(idempotencyKey);
        if (existing != null) {
            return existing;
        }
        String id = "WMS-" + (ordersById.size() + 1);
        ordersById.put(id, new StoredOrder(id, idempotencyKey, order, new LinkedHashMap<>()));
        idsByKey.put(idempotencyKey, id);
        if (autoReceive) {
            receiveInFull(id);
        }
        return id;
    }

    /** Adds received quantities to an order's lines and publishes one receipt per line. */
    synchronized void receive(String wmsOrderId, LocalDate date, List<ReceiptLine> lines) {
        StoredOrder stored = ordersById.get(wmsOrderId);
        if (stored == null) {
            throw new IllegalArgumentException("No order " + wmsOrderId);
        }
        for (ReceiptLine line : lines) {
            BigDecimal total = stored.received().merge(line.lineItemId(), line.quantity(), BigDecimal::add);
            receipts.add(new Receipt(
                    receipts.size() + 1, wmsOrderId, stored.idempotencyKey(), line.lineItemId(), total, date));
        }
    }

    synchronized List<StoredOrder> orders() {
        return List.copyOf(ordersById.values());
    }

    synchronized List<Receipt> receiptsAfter(long sequence) {
        return receipts.stream().filter(r -> r.sequence() > sequence).toList();
    }

    /** How many create requests arrived, repeats included: more than the orders held means retries. */
    synchronized int createRequests() {
        return createRequests;
    }

    private void receiveInFull(String wmsOrderId) {
        List<ReceiptLine> lines = ordersById.get(wmsOrderId).order().lines().stream()
                .map(line -> new ReceiptLine(line.lineItemId(), line.quantity()))
                .toList();
        receive(wmsOrderId, LocalDate.now(clock), lines);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (JacksonException | IllegalArgumentException e) {
            respond(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
        Matcher receiptsPath = RECEIPTS.matcher(path);
        Matcher orderPath = ORDER.matcher(path);
        if (method.equals("POST") && path.endsWith("/orders")) {
            create(exchange);
        } else if (method.equals("POST") && receiptsPath.matches()) {
            ReceiptRequest request = JSON.readValue(exchange.getRequestBody(), ReceiptRequest.class);
            LocalDate date = request.date() == null ? LocalDate.now(clock) : request.date();
            receive(receiptsPath.group(1), date, request.lines());
            respond(exchange, 201, Map.of("received", request.lines().size()));
        } else if (method.equals("GET") && path.endsWith("/orders")) {
            respond(exchange, 200, orders());
        } else if (method.equals("GET") && orderPath.matches()) {
            StoredOrder stored = findOrder(orderPath.group(1));
            respond(exchange, stored == null ? 404 : 200, stored == null ? Map.of() : stored);
        } else if (method.equals("GET") && path.endsWith("/receipts")) {
            respond(exchange, 200, Map.of("receipts", receiptsAfter(after(exchange))));
        } else {
            respond(exchange, 404, Map.of("error", method + " " + path + " is not part of this WMS"));
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || key.isBlank()) {
            respond(exchange, 400, Map.of("error", "The Idempotency-Key header is required"));
            return;
        }
        WmsOrder order = JSON.readValue(exchange.getRequestBody(), WmsOrder.class);
        boolean known;
        String id;
        synchronized (this) {
            known = idsByKey.containsKey(key);
            id = createOrder(key, order);
        }
        respond(exchange, known ? 200 : 201, Map.of("id", id));
    }

    private synchronized StoredOrder findOrder(String id) {
        return ordersById.get(id);
    }

    private static long after(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        return query != null && query.startsWith("after=") ? Long.parseLong(query.substring(6)) : 0;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
