package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * The quantity to order after the vendor's rules and maximum stock.
 *
 * @param toOrder a multiple of the order multiple, at least the MOQ, or zero
 * @param blockedByMaxStock the part of the need not ordered because maximum stock left no room
 * @param steps how the quantity was reached
 */
public record OrderSize(BigDecimal toOrder, BigDecimal blockedByMaxStock, List<CalculationStep> steps) {

    public OrderSize {
        requireNonNull(toOrder, "toOrder");
        requireNonNull(blockedByMaxStock, "blockedByMaxStock");
        steps = List.copyOf(steps);
    }
}
