package dev.restock.connections;

import dev.restock.orders.Actor;
import dev.restock.orders.OrderDocuments;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrderDocument;
import dev.restock.orders.StockOrders;
import java.security.Principal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/stock-orders/{id}/save}: saves an order to a connection. It lives here, not
 * beside the other stock order endpoints, because orders may not call connections (data flows one
 * way: orders, then connections). A push that fails is a problem document (422) whose detail says
 * whether the order is editable again.
 */
@RestController
@RequestMapping("/api/v1/stock-orders")
class StockOrderSaveApi {

    /** Where to save; {@code local} when the body is empty or names none. */
    record SaveRequest(String connection) {}

    private final StockOrders orders;
    private final OrderPusher pusher;
    private final OrderDocuments documents;

    StockOrderSaveApi(StockOrders orders, OrderPusher pusher, OrderDocuments documents) {
        this.orders = orders;
        this.pusher = pusher;
        this.documents = documents;
    }

    @PostMapping("/{id}/save")
    StockOrderDocument save(
            @PathVariable String id, @RequestBody(required = false) SaveRequest request, Principal principal) {
        StockOrder order = orders.resolve(id);
        String connection = request == null
                        || request.connection() == null
                        || request.connection().isBlank()
                ? Connections.LOCAL
                : request.connection();
        pusher.push(order.id(), connection, Actor.user(principal == null ? "api" : principal.getName()));
        return documents.of(order.id());
    }
}
