package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * Stock of one variant in one warehouse: on the shelf, on its way between warehouses, and on
 * active orders arriving inside the replenishment window (see {@link OnOrderTally}).
 */
public record StockPosition(BigDecimal available, BigDecimal inTransit, BigDecimal onOrderInWindow) {

    public StockPosition {
        requireNonNull(available, "available");
        requireNonNull(inTransit, "inTransit");
        requireNonNull(onOrderInWindow, "onOrderInWindow");
    }

    public static StockPosition available(BigDecimal available) {
        return new StockPosition(available, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Everything that will be on the shelf without a new order. */
    public BigDecimal total() {
        return available.add(inTransit).add(onOrderInWindow);
    }
}
