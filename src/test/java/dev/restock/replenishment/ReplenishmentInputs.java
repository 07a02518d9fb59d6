package dev.restock.replenishment;

import java.math.BigDecimal;
import java.time.ZoneId;

/** Small inputs for hand-checkable replenishment cases. */
final class ReplenishmentInputs {

    static final ZoneId UTC = ZoneId.of("UTC");

    private ReplenishmentInputs() {}

    /** Variant 1, SKU-1, in warehouse MAIN, priced 0, with no component needs. */
    static ReplenishmentInput input(
            DemandWindow demand, StockPolicy policy, StockPosition position, VendorTerms vendor) {
        return new ReplenishmentInput(
                1, "SKU-1", "MAIN", UTC, demand, policy, position, BigDecimal.ZERO, vendor, BigDecimal.ZERO);
    }

    /** A need of exactly {@code need} units: no stock, no forecast, minimum stock {@code need}. */
    static ReplenishmentInput needing(String need, VendorTerms vendor) {
        return input(
                DemandWindow.constant(BigDecimal.ZERO, 10),
                StockPolicy.of(3, 7).withMinStock(new BigDecimal(need)),
                StockPosition.available(BigDecimal.ZERO),
                vendor);
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }
}
