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

    /**
     * The vendor a variant is bought from: its preferred vendor, else its lowest-cost one.
     *
     * @param cost unit cost; null when the vendor gave none
     * @param currency the variant's currency with this vendor, else the vendor's; may be null
     */
    record VendorChoice(long vendorId, String vendorCode, BigDecimal cost, String currency, VendorTerms terms) {}

    /** A variant as the report names it. */
    record VariantInfo(long id, String sku, String type, BigDecimal price) {}

    /** A warehouse as the report names it. */
    record WarehouseInfo(long id, String code, ZoneId timeZone) {}

    static BigDecimal orZero(BigDecimal value) {
        return Optional.ofNullable(value).orElse(BigDecimal.ZERO);
    }
}
