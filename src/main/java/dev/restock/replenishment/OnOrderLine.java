package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One stock order line as the replenishment sees it.
 *
 * @param statusType the type of the order's status ({@code draft}, {@code active}, {@code closed},
 *     {@code cancelled}), as in {@code order_statuses.type}; a string because orders are
 *     downstream of the replenishment and it must not depend on them
 * @param expectedDate expected arrival; null when not known
 * @param quantity quantity ordered on the line
 * @param received quantity received so far
 */
public record OnOrderLine(
        UUID orderId,
        long variantId,
        long warehouseId,
        String statusType,
        LocalDate expectedDate,
        BigDecimal quantity,
        BigDecimal received) {

    public OnOrderLine {
        requireNonNull(orderId, "orderId");
        requireNonNull(statusType, "statusType");
        requireNonNull(quantity, "quantity");
        requireNonNull(received, "received");
    }

    public VariantWarehouse variantWarehouse() {
        return new VariantWarehouse(variantId, warehouseId);
    }

    /** Still to arrive: ordered less received, never negative (a vendor may deliver more). */
    public BigDecimal outstanding() {
        return quantity.subtract(received).max(BigDecimal.ZERO);
    }
}
