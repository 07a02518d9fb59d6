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
 * @param status {@code order-now}, {@code order-soon}, {@code overstock} or {@code ok} (see
 *     {@link LineStatus})
 * @param vendor code of the vendor it is bought from (preferred, else lowest cost); null if none
 * @param componentNeeds units needed by the bundles and assemblies it is part of, in this warehouse
 * @param transferIn units a suggested transfer brings from another warehouse; counted as in transit
 * @param variantType {@code simple}, {@code bundle} or {@code assembly}
 * @param unitCost the vendor's unit cost; null when unknown
 */
public record ReplenishmentRow(
        String sku,
        String warehouse,
        BigDecimal replenishment,
        BigDecimal toOrder,
        LocalDate replenishmentDate,
        String forecastMethod,
        String status,
        String vendor,
        BigDecimal available,
        BigDecimal overstock,
        BigDecimal componentNeeds,
        BigDecimal transferIn,
        int daysOfCover,
        BigDecimal lostRevenue,
        long variantId,
        String variantType,
        long warehouseId,
        Long vendorId,
        BigDecimal unitCost,
        String currency) {

    public ReplenishmentRow {
        requireNonNull(sku, "sku");
        requireNonNull(warehouse, "warehouse");
        requireNonNull(replenishment, "replenishment");
        requireNonNull(toOrder, "toOrder");
        requireNonNull(forecastMethod, "forecastMethod");
        requireNonNull(status, "status");
        requireNonNull(variantType, "variantType");
    }
}
