package dev.restock.sales;

import java.time.LocalDate;

/**
 * What the catalog and sales history hold. Dates are calendar dates in the warehouses' time
 * zone; {@code daysOfHistory} counts calendar days from the first to the last sale.
 */
public record CatalogSummary(
        long variants,
        long warehouses,
        long vendors,
        long salesLines,
        LocalDate firstSale,
        LocalDate lastSale,
        long daysOfHistory,
        long tradingDays) {}
