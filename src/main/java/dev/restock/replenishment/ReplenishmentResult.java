package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The replenishment of one variant in one warehouse, with every step that led to it.
 *
 * @param replenishment units needed to cover the window, never negative
 * @param toOrder replenishment after MOQ, order multiple and maximum stock
 * @param blockedByMaxStock part of the replenishment not ordered because of maximum stock
 * @param overstock units above what the window needs, never negative
 * @param daysOfCover whole days, from today, that the stock position serves fully; the forecast's
 *     length when it never sells out in the forecast
 * @param sellsOutDate first day whose forecast demand the stock position cannot serve fully;
 *     empty when that is beyond the forecast
 * @param replenishmentDate last day to order without a stockout (sells-out date less lead time);
 *     before today when the stockout can no longer be avoided; empty when it never sells out
 * @param lostRevenue forecast revenue lost before an order placed today can arrive
 * @param steps the arithmetic, in order, for {@code plan explain}
 */
public record ReplenishmentResult(
        long variantId,
        String sku,
        String warehouse,
        LocalDate today,
        BigDecimal replenishment,
        BigDecimal toOrder,
        BigDecimal blockedByMaxStock,
        BigDecimal overstock,
        BigDecimal available,
        int daysOfCover,
        Optional<LocalDate> sellsOutDate,
        Optional<LocalDate> replenishmentDate,
        BigDecimal lostRevenue,
        List<CalculationStep> steps) {

    public ReplenishmentResult {
        requireNonNull(sku, "sku");
        requireNonNull(warehouse, "warehouse");
        requireNonNull(today, "today");
        requireNonNull(replenishment, "replenishment");
        requireNonNull(toOrder, "toOrder");
        requireNonNull(blockedByMaxStock, "blockedByMaxStock");
        requireNonNull(overstock, "overstock");
        requireNonNull(available, "available");
        requireNonNull(sellsOutDate, "sellsOutDate");
        requireNonNull(replenishmentDate, "replenishmentDate");
        requireNonNull(lostRevenue, "lostRevenue");
        steps = List.copyOf(steps);
    }

    /** The step of that name. */
    public CalculationStep step(String name) {
        return steps.stream()
                .filter(step -> step.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step named '" + name + "'"));
    }
}
