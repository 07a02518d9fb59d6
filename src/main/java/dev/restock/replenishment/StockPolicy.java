package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The planning settings of one variant in one warehouse.
 *
 * @param leadTimeDays days from ordering to receiving at this warehouse; empty to use the vendor's
 * @param daysOfStock days an order should cover after it arrives (the review period)
 * @param minStock stock to keep on top of forecast demand
 * @param maxStock stock never to exceed by ordering; empty when there is no maximum
 */
public record StockPolicy(
        OptionalInt leadTimeDays, int daysOfStock, BigDecimal minStock, Optional<BigDecimal> maxStock) {

    public StockPolicy {
        requireNonNull(leadTimeDays, "leadTimeDays");
        if (leadTimeDays.isPresent() && leadTimeDays.getAsInt() < 0 || daysOfStock < 0) {
            throw new IllegalArgumentException("lead time and days of stock cannot be negative");
        }
        requireNonNull(minStock, "minStock");
        requireNonNull(maxStock, "maxStock");
    }

    public static StockPolicy of(int leadTimeDays, int daysOfStock) {
        return new StockPolicy(OptionalInt.of(leadTimeDays), daysOfStock, BigDecimal.ZERO, Optional.empty());
    }

    public StockPolicy withMinStock(BigDecimal minimum) {
        return new StockPolicy(leadTimeDays, daysOfStock, minimum, maxStock);
    }

    public StockPolicy withMaxStock(BigDecimal maximum) {
        return new StockPolicy(leadTimeDays, daysOfStock, minStock, Optional.of(maximum));
    }
}
