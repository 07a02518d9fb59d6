package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of the replenishment report.
 *
 * @param replenishmentDate last day to order without a stockout; null when it does not sell out
 *     within the forecast
 * @param forecastMethod the forecast method chosen for this series; {@code none} without sales
 */
public record ReplenishmentRow(
        String sku,
        String warehouse,
        BigDecimal replenishment,
        BigDecimal toOrder,
        LocalDate replenishmentDate,
        String forecastMethod,
        BigDecimal available,
        BigDecimal overstock,
        int daysOfCover,
        BigDecimal lostRevenue) {

    public ReplenishmentRow {
        requireNonNull(sku, "sku");
        requireNonNull(warehouse, "warehouse");
        requireNonNull(replenishment, "replenishment");
        requireNonNull(toOrder, "toOrder");
        requireNonNull(forecastMethod, "forecastMethod");
    }

    static ReplenishmentRow of(ReplenishmentResult result, String forecastMethod) {
        return new ReplenishmentRow(
                result.sku(),
                result.warehouse(),
                result.replenishment(),
                result.toOrder(),
                result.replenishmentDate().orElse(null),
                forecastMethod,
                result.available(),
                result.overstock(),
                result.daysOfCover(),
                result.lostRevenue());
    }
}
