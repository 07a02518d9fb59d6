package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.OptionalInt;

/**
 * What the vendor accepts: a minimum order quantity and an order multiple (the case pack, which
 * may be fractional, such as 0.25 for a 250 ml pack of a variant counted in litres), and its own
 * lead time when it has one.
 */
public record VendorTerms(BigDecimal moq, BigDecimal orderMultiple, OptionalInt leadTimeDays) {

    public VendorTerms {
        if (requireNonNull(moq, "moq").signum() < 0) {
            throw new IllegalArgumentException("MOQ cannot be negative: " + moq);
        }
        if (requireNonNull(orderMultiple, "orderMultiple").signum() <= 0) {
            throw new IllegalArgumentException("order multiple must be positive: " + orderMultiple);
        }
        requireNonNull(leadTimeDays, "leadTimeDays");
    }

    /** Any quantity in whole units, no minimum. */
    public static VendorTerms none() {
        return new VendorTerms(BigDecimal.ZERO, BigDecimal.ONE, OptionalInt.empty());
    }

    public static VendorTerms of(String moq, String orderMultiple) {
        return new VendorTerms(new BigDecimal(moq), new BigDecimal(orderMultiple), OptionalInt.empty());
    }
}
