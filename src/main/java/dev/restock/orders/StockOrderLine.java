package dev.restock.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One line of a stock order: an item and the quantity ordered (replenishment) and received. */
public record StockOrderLine(
        UUID orderId,
        String lineItemId,
        Long variantId,
        String sku,
        String title,
        String barcode,
        BigDecimal replenishment,
        BigDecimal received,
        LocalDate receivedDate,
        BigDecimal costPrice,
        boolean removed) {

    public StockOrderLine {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(lineItemId, "lineItemId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(replenishment, "replenishment");
        Objects.requireNonNull(received, "received");
    }
}
