package dev.restock.replenishment;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Optional;

/** Rows the report reads from the database, before they become {@link ReplenishmentInput}s. */
final class PlanningRecords {

    private PlanningRecords() {}

    /** A variant in a warehouse with its stock and settings; defaults where the row is missing. */
    record Setting(
            VariantWarehouse key,
            String sku,
            String warehouse,
            ZoneId timeZone,
            StockPolicy policy,
            BigDecimal available,
            BigDecimal inTransit,
            BigDecimal price) {}

    /** A variant's vendor terms, from its preferred vendor, else its lowest-cost one. */
    record Terms(long variantId, VendorTerms vendor) {}

    static BigDecimal orZero(BigDecimal value) {
        return Optional.ofNullable(value).orElse(BigDecimal.ZERO);
    }
}
