package dev.restock.replenishment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Stock on order per variant and warehouse, counted exactly once: every line is added on its own,
 * so two lines of one order for the same variant both count, and nothing is keyed by order.
 */
public final class OnOrderTally {

    /** The only status type that counts as on order. */
    public static final String ACTIVE = "active";

    private OnOrderTally() {}

    /**
     * Outstanding quantity of active order lines arriving on or before the last day of each
     * variant and warehouse's window. A line without an expected date counts: the goods are
     * ordered, and leaving them out would order them a second time.
     *
     * @param lastDayOfWindow today + lead time + days of stock, per variant and warehouse
     */
    public static Map<VariantWarehouse, BigDecimal> onOrderInWindow(
            Collection<OnOrderLine> lines, Function<VariantWarehouse, LocalDate> lastDayOfWindow) {
        Map<VariantWarehouse, BigDecimal> onOrder = new HashMap<>();
        for (OnOrderLine line : lines) {
            if (counts(line, lastDayOfWindow)) {
                onOrder.merge(line.variantWarehouse(), line.outstanding(), BigDecimal::add);
            }
        }
        return Map.copyOf(onOrder);
    }

    private static boolean counts(OnOrderLine line, Function<VariantWarehouse, LocalDate> lastDayOfWindow) {
        if (!ACTIVE.equals(line.statusType())) {
            return false;
        }
        return line.expectedDate() == null
                || !line.expectedDate().isAfter(lastDayOfWindow.apply(line.variantWarehouse()));
    }
}
