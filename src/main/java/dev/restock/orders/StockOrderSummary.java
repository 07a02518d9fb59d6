package dev.restock.orders;

import java.util.Objects;

/** A stock order without its lines, as lists show it; spelled as {@link StockOrderDocument}. */
public record StockOrderSummary(
        String id,
        String reference,
        String type,
        String status,
        String statusType,
        boolean readOnly,
        String saveState,
        String savedTo,
        String externalId,
        String createdAt,
        String expectedDate) {

    public static StockOrderSummary of(StockOrder order) {
        return new StockOrderSummary(
                order.id().toString(),
                order.reference(),
                order.type().code(),
                order.status(),
                order.statusType().code(),
                order.readOnly(),
                order.saveState().code(),
                order.savedTo(),
                order.externalId(),
                order.createdAt().toString(),
                Objects.toString(order.expectedDate(), null));
    }
}
