package dev.restock.replenishment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a need into a quantity the vendor accepts, within maximum stock. Exact decimals throughout;
 * the only rounding is one rounding up to whole packs (and, when maximum stock caps the order, one
 * rounding down to whole packs that fit).
 *
 * <p>What wins when the rules disagree: the vendor's pack and MOQ are never broken, since a vendor
 * cannot ship part of a case; maximum stock is never exceeded, as issue #3 asks ("capped so that
 * maximum stock is not exceeded"). So when the packs that cover the need do not fit under maximum
 * stock, the order is the largest number of whole packs (at least the MOQ) that fits, possibly zero,
 * and the uncovered part is reported as {@link OrderSize#blockedByMaxStock()} so the planner can see
 * that the maximum, not the forecast, set the quantity.
 */
public final class OrderSizer {

    private OrderSizer() {}

    /**
     * @param need replenishment, never negative
     * @param room maximum stock less the stock position; empty when there is no maximum
     */
    public static OrderSize size(BigDecimal need, VendorTerms vendor, Optional<BigDecimal> room) {
        List<CalculationStep> steps = new ArrayList<>();
        if (need.signum() <= 0) {
            steps.add(new CalculationStep("to order", BigDecimal.ZERO, "nothing needed"));
            return new OrderSize(BigDecimal.ZERO, BigDecimal.ZERO, steps);
        }
        BigDecimal atLeastMoq = need.max(vendor.moq());
        steps.add(new CalculationStep(
                "at least MOQ", atLeastMoq, "max(" + plain(need) + ", MOQ " + plain(vendor.moq()) + ")"));

        BigDecimal pack = vendor.orderMultiple();
        BigDecimal packs = atLeastMoq.divide(pack, 0, RoundingMode.CEILING);
        BigDecimal wholePacks = packs.multiply(pack);
        steps.add(new CalculationStep(
                "in whole packs",
                wholePacks,
                plain(packs) + " packs of " + plain(pack) + ", rounded up from " + plain(atLeastMoq)));

        if (room.isEmpty() || wholePacks.compareTo(room.get()) <= 0) {
            steps.add(new CalculationStep("to order", wholePacks, room.isEmpty() ? "no maximum stock" : "fits"));
            return new OrderSize(wholePacks, BigDecimal.ZERO, steps);
        }
        return capped(need, vendor, room.get(), steps);
    }

    private static OrderSize capped(BigDecimal need, VendorTerms vendor, BigDecimal room, List<CalculationStep> steps) {
        BigDecimal pack = vendor.orderMultiple();
        BigDecimal fitting = room.signum() <= 0
                ? BigDecimal.ZERO
                : room.divide(pack, 0, RoundingMode.FLOOR).multiply(pack);
        if (fitting.compareTo(vendor.moq()) < 0) {
            fitting = BigDecimal.ZERO;
        }
        steps.add(new CalculationStep(
                "room under maximum stock", room, "whole packs of " + plain(pack) + " that fit: " + plain(fitting)));

        BigDecimal blocked = need.subtract(fitting).max(BigDecimal.ZERO);
        String how = "largest whole packs (at least MOQ " + plain(vendor.moq()) + ") within maximum stock";
        if (blocked.signum() > 0) {
            how += "; " + plain(blocked) + " of the need not ordered because of maximum stock";
        }
        steps.add(new CalculationStep("to order", fitting, how));
        return new OrderSize(fitting, blocked, steps);
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
