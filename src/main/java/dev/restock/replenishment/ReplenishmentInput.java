package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * Everything the replenishment of one variant in one warehouse depends on.
 *
 * @param componentNeeds units of this variant needed by the bundles and assemblies it is part of
 *     over the same window (see {@link KitExplosion})
 * @param unitPrice selling price, for forecast lost revenue; zero when unknown
 */
public record ReplenishmentInput(
        long variantId,
        String sku,
        String warehouse,
        ZoneId timeZone,
        DemandWindow demand,
        StockPolicy policy,
        StockPosition position,
        BigDecimal componentNeeds,
        VendorTerms vendor,
        BigDecimal unitPrice) {

    public ReplenishmentInput {
        requireNonNull(sku, "sku");
        requireNonNull(warehouse, "warehouse");
        requireNonNull(timeZone, "timeZone");
        requireNonNull(demand, "demand");
        requireNonNull(policy, "policy");
        requireNonNull(position, "position");
        requireNonNull(componentNeeds, "componentNeeds");
        requireNonNull(vendor, "vendor");
        requireNonNull(unitPrice, "unitPrice");
    }

    /**
     * Days from ordering to receiving: the warehouse's setting for this variant when there is one
     * (it includes the last leg to this warehouse), else the vendor's, else 0.
     */
    public int leadTimeDays() {
        if (policy.leadTimeDays().isPresent()) {
            return policy.leadTimeDays().getAsInt();
        }
        return vendor.leadTimeDays().orElse(0);
    }

    /** Lead time plus days of stock: the days the forecast is summed over. */
    public int windowDays() {
        return leadTimeDays() + policy.daysOfStock();
    }
}
