package dev.restock.orders;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock orders over HTTP: {@code /api/v1/stock-orders}. {@code {id}} is an order's id or its
 * reference. Errors are problem documents (see {@code dev.restock.web.ApiErrors}): 404 for an
 * unknown order, 409 naming the connection for any change to a saved order, 422 for a change
 * Restock refuses. Saving to a connection is {@code POST /{id}/save}, served by the connections
 * package.
 */
@RestController
@RequestMapping("/api/v1/stock-orders")
class StockOrdersApi {

    /** A new order; warehouses and vendors by code, lines by SKU. */
    record CreateRequest(
            String type,
            String warehouse,
            String vendor,
            String sourceWarehouse,
            String currency,
            LocalDate expectedDate,
            List<LineRequest> lines) {}

    record LineRequest(String sku, BigDecimal quantity, BigDecimal costPrice) {}

    record QuantityRequest(BigDecimal quantity) {}

    record StatusRequest(String status) {}

    record ReceiptRequest(String lineItemId, BigDecimal quantity, LocalDate date) {}

    private final StockOrders orders;
    private final OrderReceipts receipts;
    private final OrderDocuments documents;
    private final OrderCatalog catalog;

    StockOrdersApi(StockOrders orders, OrderReceipts receipts, OrderDocuments documents, OrderCatalog catalog) {
        this.orders = orders;
        this.receipts = receipts;
        this.documents = documents;
        this.catalog = catalog;
    }

    @GetMapping
    List<StockOrderSummary> list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean saved) {
        OrderType orderType = type == null ? null : orderType(type, "");
        return orders.list(new OrderFilter(orderType, status, saved)).stream()
                .map(StockOrderSummary::of)
                .toList();
    }

    @GetMapping("/{id}")
    StockOrderDocument get(@PathVariable String id) {
        return documents.of(orders.resolve(id).id());
    }

    @PostMapping
    ResponseEntity<StockOrderDocument> create(@RequestBody CreateRequest request, Principal principal) {
        require(request.type(), "type", StockOrders.NOTHING_CREATED);
        require(request.warehouse(), "warehouse", StockOrders.NOTHING_CREATED);
        NewStockOrder order = new NewStockOrder(
                orderType(request.type(), StockOrders.NOTHING_CREATED),
                catalog.warehouseId(request.warehouse()),
                request.vendor() == null ? null : catalog.vendorId(request.vendor()),
                request.sourceWarehouse() == null ? null : catalog.warehouseId(request.sourceWarehouse()),
                request.currency() == null ? null : request.currency().toUpperCase(Locale.ROOT),
                request.expectedDate());
        List<NewOrderLine> lines = Objects.requireNonNullElse(request.lines(), List.<LineRequest>of()).stream()
                .map(line -> line(line, StockOrders.NOTHING_CREATED))
                .toList();
        StockOrder created = orders.create(order, lines, actor(principal));
        return ResponseEntity.created(URI.create("/api/v1/stock-orders/" + created.id()))
                .body(documents.of(created.id()));
    }

    @PostMapping("/{id}/lines")
    ResponseEntity<StockOrderDocument> addLine(
            @PathVariable String id, @RequestBody LineRequest request, Principal principal) {
        StockOrder order = orders.resolve(id);
        orders.addLine(order.id(), line(request, StockOrders.NOTHING_CHANGED), actor(principal));
        return ResponseEntity.status(201).body(documents.of(order.id()));
    }

    @PatchMapping("/{id}/lines/{lineItemId}")
    StockOrderDocument editLine(
            @PathVariable String id,
            @PathVariable String lineItemId,
            @RequestBody QuantityRequest request,
            Principal principal) {
        require(request.quantity(), "quantity", StockOrders.NOTHING_CHANGED);
        StockOrder order = orders.resolve(id);
        orders.editQuantity(order.id(), lineItemId, request.quantity(), actor(principal));
        return documents.of(order.id());
    }

    @DeleteMapping("/{id}/lines/{lineItemId}")
    StockOrderDocument removeLine(@PathVariable String id, @PathVariable String lineItemId, Principal principal) {
        StockOrder order = orders.resolve(id);
        orders.removeLine(order.id(), lineItemId, actor(principal));
        return documents.of(order.id());
    }

    @PostMapping("/{id}/status")
    StockOrderDocument changeStatus(@PathVariable String id, @RequestBody StatusRequest request, Principal principal) {
        require(request.status(), "status", StockOrders.NOTHING_CHANGED);
        StockOrder order = orders.resolve(id);
        orders.changeStatus(order.id(), request.status(), actor(principal));
        return documents.of(order.id());
    }

    @PostMapping("/{id}/receipts")
    StockOrderDocument receive(@PathVariable String id, @RequestBody ReceiptRequest request, Principal principal) {
        require(request.lineItemId(), "lineItemId", StockOrders.NOTHING_RECEIVED);
        require(request.quantity(), "quantity", StockOrders.NOTHING_RECEIVED);
        StockOrder order = orders.resolve(id);
        receipts.receive(order.id(), request.lineItemId(), request.quantity(), request.date(), actor(principal));
        return documents.of(order.id());
    }

    private static NewOrderLine line(LineRequest request, String outcome) {
        require(request.sku(), "sku", outcome);
        if (request.quantity() == null) {
            throw new StockOrderException("Line " + request.sku() + " needs a quantity. " + outcome);
        }
        return new NewOrderLine(request.sku(), request.quantity(), request.costPrice());
    }

    /** {@code outcome} ends the refusal: what the request left, or nothing for a query. */
    private static OrderType orderType(String code, String outcome) {
        try {
            return OrderType.fromCode(code.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StockOrderException(
                    ("Order type '" + code + "' is not one of po, transfer, assembly. " + outcome).strip());
        }
    }

    private static void require(Object value, String field, String outcome) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new StockOrderException("The request needs '" + field + "'. " + outcome);
        }
    }

    /** The API's caller, as the bearer token names it. */
    private static Actor actor(Principal principal) {
        return Actor.user(principal == null ? "api" : principal.getName());
    }
}
